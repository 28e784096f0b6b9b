using System.Reflection;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

/// <summary>The object <c>GetGrain</c> returns: every interface call becomes a turn on the grain's activation.</summary>
public class GrainReference : DispatchProxy
{
    private GrainCatalog? _catalog;

    public GrainId GrainId { get; private set; }

    internal void Bind(GrainCatalog catalog, GrainId grainId)
    {
        _catalog = catalog;
        GrainId = grainId;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        GrainMethodInvoker.For(targetMethod!)(_catalog!, GrainId, args);
}
