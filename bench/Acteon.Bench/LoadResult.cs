namespace Acteon.Bench;

/// <summary>What one load run measured: completions inside the window, their latencies, and the failures seen.</summary>
internal sealed record LoadResult(
    string Name,
    long Completed,
    TimeSpan Window,
    LatencyRecorder Latency,
    RequestFailures Failures)
{
    public double Throughput => Completed / Window.TotalSeconds;

    /// <summary>Open loop only: requests sent per second of the window (the offered rate).</summary>
    public double OfferedRate { get; init; }

    /// <summary>Open loop only: latency from the actual send instead of the scheduled one.</summary>
    public LatencyRecorder? ServiceLatency { get; init; }

    public long MaxInFlight { get; init; }
}
