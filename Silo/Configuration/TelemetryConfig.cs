namespace Acteon.Silo.Configuration;

/// <summary><c>[telemetry]</c>: traces are exported over OTLP when an endpoint is set.</summary>
public sealed record TelemetryConfig
{
    public Uri? OtlpEndpoint { get; init; }
    public string ServiceName { get; init; } = "acteon-gateway";
}
