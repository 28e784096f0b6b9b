using System.Reflection;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

/// <summary>The object <c>GetGrain</c> returns: every interface call becomes a turn on the grain's activation.</summary>
public class GrainReference : DispatchProxy
{
    private GrainCatalog? _catalog;

    public GrainId GrainId { get; private set; }

    /// <summary>A reference of the same generated proxy type, bound to <paramref name="grainId"/>.</summary>
    internal GrainReference Copy(GrainCatalog catalog, GrainId grainId)
    {
        var copy = (GrainReference)MemberwiseClone();
        copy._catalog = catalog;
        copy.GrainId = grainId;
        return copy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        GrainMethodInvoker.For(targetMethod!)(_catalog!, GrainId, args);
}
