namespace Acteon.Grains.Providers.Health;

/// <summary>A provider's counters and latency percentiles (milliseconds, over the last <see cref="ProviderStats.Window"/> calls).</summary>
public sealed record ProviderHealthSnapshot(
    string Provider,
    long Total,
    long Succeeded,
    long Failed,
    double SuccessRate,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    IReadOnlyList<ProviderErrorRecord> LastErrors);
