using System.Collections.Concurrent;
using System.Reflection;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

internal sealed class GrainFactory(GrainCatalog catalog, GrainTypeRegistry types) : IGrainFactory
{
    // One DispatchProxy per grain interface, built by reflection once; each reference is a shallow copy of it.
    private readonly ConcurrentDictionary<Type, (GrainReference Prototype, string TypeName)> _prototypes = new();

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var (prototype, typeName) = _prototypes.GetOrAdd(typeof(TGrain), static (_, types) =>
            ((GrainReference)(object)DispatchProxy.Create<TGrain, GrainReference>()!, types.ForInterface(typeof(TGrain)).TypeName), types);
        return (TGrain)(object)prototype.Copy(catalog, new GrainId(typeName, key));
    }
}
