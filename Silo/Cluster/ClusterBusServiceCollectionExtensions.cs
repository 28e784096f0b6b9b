using Acteon.Grains.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Acteon.Silo.Cluster;

public static class ClusterBusServiceCollectionExtensions
{
    /// <summary>The cluster bus's transport on the PostgreSQL store at <paramref name="url"/> (LISTEN/NOTIFY).</summary>
    public static IServiceCollection AddPostgresClusterBus(this IServiceCollection services, string url)
    {
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<PostgresClusterTransport>(sp, url));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterTransport, PostgresClusterTransport>(sp => sp.GetRequiredService<PostgresClusterTransport>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresClusterTransport>(sp => sp.GetRequiredService<PostgresClusterTransport>()));
        return services;
    }
}
