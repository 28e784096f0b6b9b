using Acteon.Gateway.Api.Auth;
using Acteon.Grains.Dispatch;
using Acteon.Silo.Configuration;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Acteon.Gateway.Api.Telemetry;

/// <summary>
/// OpenTelemetry: the gateway's meter and Orleans' live activations per grain type are served as Prometheus text.
/// Traces continue the caller's W3C trace context; with <c>[telemetry] otlp_endpoint</c> set, the request and dispatch
/// spans are exported over OTLP. Without it nothing listens to either source, so no request starts an Activity.
/// </summary>
public static class TelemetrySetup
{
    public const string PrometheusPath = "/metrics/prometheus";

    private const string OrleansMeter = "Microsoft.Orleans";

    // An observable gauge, read on scrape. Orleans' other instruments are dropped: enabling them costs every grain call.
    private const string OrleansActivations = "orleans-catalog-activations";

    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, TelemetryConfig telemetry)
    {
        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(telemetry.ServiceName));
        // DispatchMetrics as instrumentation: its instruments exist from start-up, before the first dispatch.
        otel.WithMetrics(metrics => metrics
            .AddMeter(DispatchMetrics.MeterName, OrleansMeter)
            .AddView(i => i.Meter.Name == OrleansMeter && i.Name != OrleansActivations ? MetricStreamConfiguration.Drop : null)
            .AddInstrumentation(sp => sp.GetRequiredService<DispatchMetrics>())
            .AddPrometheusExporter());
        if (telemetry.OtlpEndpoint is { } endpoint)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(GatewayTelemetry.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path != PrometheusPath)
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = endpoint;
                    o.Protocol = telemetry.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                }));
        }

        return services;
    }

    /// <summary><c>GET /metrics/prometheus</c>: text format 0.0.4 (OpenMetrics when the scraper asks for it).</summary>
    public static IEndpointRouteBuilder MapGatewayTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(PrometheusPath).RequirePermission(Permission.MetricsRead);
        return app;
    }
}
