using Acteon.Gateway.Api.Auth;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Grains.Abstractions;
using Acteon.Silo.Configuration;

namespace Acteon.Gateway.Api.Admin;

/// <summary>
/// <c>GET /admin/cluster</c>: Orleans' membership (every silo it knows, dead ones included, with its status, start
/// time and last heartbeat) and the live activations per grain type, cluster-wide and per silo.
/// </summary>
public static class ClusterEndpoints
{
    public const string Path = "/admin/cluster";

    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("").RequirePermission(Permission.ClusterRead).MapGet(Path, GetClusterAsync).WithTags("Admin").WithSummary("The silos of the cluster and live activations per grain type");
        return app;
    }

    private static async Task<IResult> GetClusterAsync(IGrainFactory grains, ActeonConfig config)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var silos = await management.GetDetailedHosts(onlyActive: false);
        var statistics = await management.GetSimpleGrainStatistics();
        var total = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var perSilo = new Dictionary<SiloAddress, int>();
        foreach (var statistic in statistics)
        {
            var type = GrainTypeName(statistic.GrainType);
            total[type] = total.GetValueOrDefault(type) + statistic.ActivationCount;
            perSilo[statistic.SiloAddress] = perSilo.GetValueOrDefault(statistic.SiloAddress) + statistic.ActivationCount;
        }

        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("node_id", config.Cluster.SiloName);
            writer.WriteString("role", config.Cluster.Role);
            writer.WriteStartArray("nodes");
            foreach (var silo in silos.OrderBy(s => s.SiloName, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("id", silo.SiloName);
                writer.WriteString("address", silo.SiloAddress.ToString());
                writer.WriteString("started", JsonTime.Format(new DateTimeOffset(DateTime.SpecifyKind(silo.StartTime, DateTimeKind.Utc))));
                writer.WriteString("last_heartbeat", JsonTime.Format(new DateTimeOffset(DateTime.SpecifyKind(silo.IAmAliveTime, DateTimeKind.Utc))));
                writer.WriteString("status", silo.Status.ToString().ToLowerInvariant());
                writer.WriteNumber("activations", perSilo.GetValueOrDefault(silo.SiloAddress));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("activations");
            foreach (var (type, count) in total)
            {
                writer.WriteNumber(type, count);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// A grain class's Orleans grain type (<c>dedup</c>, <c>throttle</c>, ... as its <c>[GrainType]</c> names it), or
    /// the class's short name for Orleans' own grains.
    /// </summary>
    private static string GrainTypeName(string grainClass)
    {
        var type = Type.GetType(grainClass, throwOnError: false);
        var declared = type?.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(GrainTypeAttribute));
        if (declared?.ConstructorArguments is [{ Value: string grainType }])
        {
            return grainType;
        }

        var name = grainClass.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
