using Acteon.Gateway.Api.Dispatch;
using Acteon.Grains.Abstractions;
using Acteon.Silo.Membership;
using Acteon.Silo.Runtime;
using Acteon.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Acteon.Gateway.Api.Admin;

/// <summary><c>GET /admin/cluster</c>: the membership table as this node sees it, and this node's live activations.</summary>
public static class ClusterEndpoints
{
    public const string Path = "/admin/cluster";

    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetClusterAsync).WithTags("Admin").WithSummary("Cluster nodes and this node's live activations per grain type");
        return app;
    }

    private static async Task<IResult> GetClusterAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IMembershipStore>();
        var catalog = services.GetRequiredService<GrainCatalog>();
        var options = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var nodes = await store.ListAsync(cancellationToken);
        var activations = catalog.CountByType();
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("node_id", options.NodeId);
            writer.WriteStartArray("nodes");
            foreach (var node in nodes)
            {
                writer.WriteStartObject();
                writer.WriteString("id", node.NodeId);
                writer.WriteString("address", node.Address);
                writer.WriteString("started", JsonTime.Format(node.StartedAt));
                writer.WriteString("last_heartbeat", JsonTime.Format(node.LastHeartbeat));
                writer.WriteString("status", MembershipService.EffectiveStatus(node, now, options.DeadAfter));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("activations");
            foreach (var (type, count) in activations.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(type, count);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
