using System.Reflection;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

internal sealed class GrainFactory(GrainCatalog catalog, GrainTypeRegistry types) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var proxy = DispatchProxy.Create<TGrain, GrainReference>();
        ((GrainReference)(object)proxy).Bind(catalog, new GrainId(types.ForInterface(typeof(TGrain)).TypeName, key));
        return proxy;
    }
}
