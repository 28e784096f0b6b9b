using Acteon.Silo.Configuration;
using Acteon.Silo.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Messaging;

namespace Acteon.Silo.Hosting;

public static class ActeonClientBuilderExtensions
{
    /// <summary>How long a grain call waits for its answer: well inside the HTTP request's own time-out.</summary>
    public static TimeSpan ResponseTimeout(ServerConfig server) => server.RequestTimeout * 2 / 3;

    /// <summary>A thin Orleans client of the silo cluster that <c>[cluster]</c> names (<c>role = "client"</c>).</summary>
    public static IClientBuilder UseActeonClient(this IClientBuilder client, ActeonConfig config)
    {
        var cluster = config.Cluster;
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        // With the default 30 s, calls in flight through a silo killed with SIGKILL hung for all of it.
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout(config.Server));
        if (cluster.Membership == ClusterConfig.RedisMembership)
        {
            client.UseRedisClustering(cluster.RedisUrl!);
        }
        else
        {
            client.Services.AddSingleton<PostgresMembershipTable>();
            client.Services.AddSingleton<IGatewayListProvider, PostgresGatewayListProvider>();
        }

        if (config.Cluster.Dashboard)
        {
            client.AddDashboard();
        }

        return client;
    }
}
