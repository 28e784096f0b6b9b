using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Audit;
using Acteon.Grains.Dispatch;
using Acteon.Silo.Storage;

namespace Acteon.Gateway.Api.Health;

public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const int MetricsCounters = 7;

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Probes and load balancers call these without credentials.
        var app = endpoints.MapGroup("").AllowPublic();
        app.MapGet("/health", async (DispatchMetrics metrics, IStoreHealth store, BatchingAuditWriter audit, CancellationToken cancellationToken) =>
        {
            var storeError = await store.CheckAsync(cancellationToken);
            return DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("status", "ok");
                writer.WriteString("store", storeError is null ? "up" : "down");
                writer.WriteStartObject("audit");
                writer.WriteNumber("backlog", audit.Backlog);
                writer.WriteNumber("dead_letters", audit.DeadLettered);
                writer.WriteNumber("lost", audit.Lost);
                writer.WriteString("writes", audit.StoreError is null ? "ok" : "failing");
                writer.WriteString("last_error", audit.StoreError);
                writer.WriteEndObject();
                writer.WritePropertyName("metrics");
                WriteCounters(writer, metrics, DispatchMetrics.Names.Length);
                writer.WriteEndObject();
            });
        }).WithTags("Health").WithSummary("Health check with the state store's status, the audit writer's and a metrics snapshot");
        app.MapGet(LivePath, () => DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            writer.WriteEndObject();
        })).WithTags("Health").WithSummary("Liveness: 200 while the process serves requests");
        app.MapGet(ReadyPath, async (IStoreHealth store, BatchingAuditWriter audit, CancellationToken cancellationToken) =>
        {
            var storeError = await store.CheckAsync(cancellationToken);
            if (storeError is not null)
            {
                return new ApiError(StatusCodes.Status503ServiceUnavailable, $"state store unavailable: {storeError}").ToResult();
            }

            return audit.Ready
                ? DispatchEndpoints.Json(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("status", "ready");
                    writer.WriteString("store", "up");
                    writer.WriteNumber("audit_backlog", audit.Backlog);
                    writer.WriteEndObject();
                })
                : new ApiError(StatusCodes.Status503ServiceUnavailable, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"audit backlog of {audit.Backlog} records is above [audit] readiness_backlog ({audit.ReadinessBacklog}): the audit store is not keeping up ({audit.StoreError ?? "writes are slow"})")).ToResult();
        }).WithTags("Health").WithSummary("Readiness: 503 while the state store cannot be reached or the audit backlog is above its threshold");
        endpoints.MapGroup("").RequirePermission(Permission.MetricsRead).MapGet("/metrics", (DispatchMetrics metrics) => DispatchEndpoints.Json(writer => WriteCounters(writer, metrics, MetricsCounters)))
            .WithTags("Health").WithSummary("Dispatch counters");
        return endpoints;
    }

    private static void WriteCounters(Utf8JsonWriter writer, DispatchMetrics metrics, int count)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in metrics.Snapshot(count))
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
    }
}
