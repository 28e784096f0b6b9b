using Acteon.Grains.Dispatch;
using Acteon.Silo.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Acteon.Gateway.Api.Telemetry;

/// <summary>
/// Traces continue the caller's W3C trace context. With <c>[telemetry] otlp_endpoint</c> set, the request and dispatch
/// spans are exported over OTLP.
/// </summary>
public static class TracingSetup
{
    public static IServiceCollection AddGatewayTracing(this IServiceCollection services, TelemetryConfig telemetry)
    {
        if (telemetry.OtlpEndpoint is not { } endpoint)
        {
            return services;
        }

        // Built by the container, so that disposing the host flushes the spans still queued.
        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(telemetry.ServiceName))
            .AddSource(GatewayTelemetry.SourceName, "Microsoft.AspNetCore")
            .AddOtlpExporter(o =>
            {
                o.Endpoint = endpoint;
                o.Protocol = telemetry.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            })
            .Build());
        return services;
    }

    /// <summary>Starts the exporter (when configured) before the first request.</summary>
    public static WebApplication UseGatewayTracing(this WebApplication app)
    {
        _ = app.Services.GetService<TracerProvider>();
        return app;
    }
}
