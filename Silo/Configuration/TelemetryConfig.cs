namespace Acteon.Silo.Configuration;

/// <summary><c>[telemetry]</c>: traces are exported over OTLP when an endpoint is set.</summary>
public sealed record TelemetryConfig
{
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>"grpc" (default, e.g. port 4317) or "http/protobuf" (the endpoint is the full URL, e.g. .../v1/traces).</summary>
    public string OtlpProtocol { get; init; } = "grpc";
    public string ServiceName { get; init; } = "acteon-gateway";
}
