namespace Acteon.Silo.Configuration;

/// <summary><c>[server]</c>.</summary>
public sealed record ServerConfig
{
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 8080;
    public string? ExternalUrl { get; init; }

    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>No request waits longer: a grain call that has no answer by then (its silo died) fails with 503 first.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether <c>GET /v1/stream</c> serves events (else 503).</summary>
    public bool SseEnabled { get; init; } = true;

    public int MaxSseConnectionsPerTenant { get; init; } = 10;

    /// <summary>Events each node keeps for <c>Last-Event-ID</c> resume.</summary>
    public int SseReplayBuffer { get; init; } = 1024;

    /// <summary>Events queued per stream client before they are skipped (<c>lagged</c>).</summary>
    public int SseClientBuffer { get; init; } = 256;
}
