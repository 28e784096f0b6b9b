using System.Net;
using Acteon.Grains.State;
using Acteon.Silo.Configuration;
using Acteon.Silo.Membership;
using Acteon.Silo.Reminders;
using Acteon.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;

namespace Acteon.Silo.Hosting;

public static class ActeonSiloBuilderExtensions
{
    /// <summary>
    /// An Orleans silo as <c>[cluster]</c> and <c>[state]</c> describe it: clustering, endpoints, the project's grain
    /// storage and reminder table on the configured store, and the Orleans Dashboard's silo side.
    /// </summary>
    public static ISiloBuilder UseActeonSilo(this ISiloBuilder silo, ActeonConfig config)
    {
        var cluster = config.Cluster;
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        silo.Configure<SiloOptions>(o => o.SiloName = cluster.SiloName);
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = cluster.IdleTimeout);
        // A grain call that has no answer (its silo died) fails before the HTTP request that waits on it times out.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ActeonClientBuilderExtensions.ResponseTimeout(config.Server));
        UseClustering(silo, config);
        silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (sp, _) =>
            ActivatorUtilities.CreateInstance<ActeonGrainStorage>(sp));
        silo.Services.TryAddSingleton<GrainStateSerializer>();
        UseReminders(silo, config.State);
        silo.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<StorageJanitor>(sp, config.State.CleanupInterval));
        if (config.Cluster.Dashboard)
        {
            silo.AddDashboard();
        }

        return silo;
    }

    private static void UseClustering(ISiloBuilder silo, ActeonConfig config)
    {
        var cluster = config.Cluster;
        if (cluster.Membership == ClusterConfig.LocalMembership)
        {
            // One silo on its own: Orleans' development membership, on loopback.
            var port = cluster.SiloPort == 0 ? FreePort.On(IPAddress.Loopback) : cluster.SiloPort;
            silo.UseLocalhostClustering(port, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
            return;
        }

        var advertised = IPAddress.Parse(cluster.AdvertisedAddress);
        var siloPort = cluster.SiloPort == 0 ? FreePort.On(advertised) : cluster.SiloPort;
        // In a pod the advertised address is the pod IP, and the silo listens on every interface of the pod.
        silo.ConfigureEndpoints(advertised, siloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        if (cluster.Membership == ClusterConfig.RedisMembership)
        {
            silo.UseRedisClustering(cluster.RedisUrl!);
        }
        else
        {
            silo.Services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        }
    }

    private static void UseReminders(ISiloBuilder silo, StateConfig state)
    {
        // Orleans' default minimum period is one minute. A scheduled action repeats its reminder only to retry a
        // dispatch that did not finish, but the due time of the first tick is what users see; a lower minimum keeps
        // Orleans from rejecting the shorter periods that tests and recurring actions use (it logs warning 102939).
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        switch (state.Backend)
        {
            case StateConfig.Memory:
                silo.UseInMemoryReminderService();
                break;
            case StateConfig.Sqlite:
                silo.AddReminders();
                silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
                break;
            default:
                silo.AddReminders();
                silo.Services.AddSingleton<IReminderTable, PostgresReminderTable>();
                break;
        }
    }
}
