using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Acteon.Grains.Chains;

public static class ChainServiceCollectionExtensions
{
    /// <summary>The chain starter, the chains' audit and the serialization of the chain grains' state.</summary>
    public static IServiceCollection AddChains(this IServiceCollection services)
    {
        services.AddOptions<ChainOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJsonTypeInfoResolver>(ChainsJsonContext.Default));
        services.TryAddSingleton<ChainStarter>();
        services.TryAddSingleton<ChainAudit>();
        return services;
    }
}
