using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Grains.Dispatch;

namespace Acteon.Gateway.Api.Health;

public static class HealthEndpoints
{
    private const int MetricsCounters = 7;

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (DispatchMetrics metrics) => DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            writer.WritePropertyName("metrics");
            WriteCounters(writer, metrics, DispatchMetrics.Names.Length);
            writer.WriteEndObject();
        })).WithTags("Health").WithSummary("Health check with a metrics snapshot");
        app.MapGet("/metrics", (DispatchMetrics metrics) => DispatchEndpoints.Json(writer => WriteCounters(writer, metrics, MetricsCounters)))
            .WithTags("Health").WithSummary("Dispatch counters");
        return app;
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
