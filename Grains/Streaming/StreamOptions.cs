namespace Acteon.Grains.Streaming;

/// <summary><c>GET /v1/stream</c> limits (<c>[server]</c> keys <c>sse_*</c> and <c>max_sse_connections_per_tenant</c>).</summary>
public sealed class StreamOptions
{
    /// <summary>Off: the stream answers 503 and publishing does nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Open streams per tenant bucket; one more is refused with 429.</summary>
    public int MaxConnectionsPerTenant { get; set; } = 10;

    /// <summary>Events this node keeps for <c>Last-Event-ID</c> resume (a ring: the oldest go first).</summary>
    public int ReplayBufferSize { get; set; } = 1024;

    /// <summary>Events queued for one client that reads slowly; past that they are skipped and it gets <c>lagged</c>.</summary>
    public int ClientBufferSize { get; set; } = 256;

    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
