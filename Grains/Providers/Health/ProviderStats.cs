using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Providers.Health;

/// <summary>One provider's outcomes: totals, a bounded ring of latencies and the last few errors.</summary>
internal sealed class ProviderStats
{
    public const int Window = 1024;
    public const int ErrorsKept = 10;

    private readonly Lock _lock = new();
    private readonly double[] _latencies = new double[Window];
    private readonly Queue<ProviderErrorRecord> _errors = new();
    private long _total;
    private long _failed;

    public void Record(TimeSpan latency, ProviderError? error, DateTimeOffset at)
    {
        lock (_lock)
        {
            _latencies[_total % Window] = latency.TotalMilliseconds;
            _total++;
            if (error is not null)
            {
                _failed++;
                _errors.Enqueue(new ProviderErrorRecord(at, error.Code, error.Message));
                if (_errors.Count > ErrorsKept)
                {
                    _errors.Dequeue();
                }
            }
        }
    }

    public ProviderHealthSnapshot Snapshot(string provider)
    {
        double[] sorted;
        long total;
        long failed;
        ProviderErrorRecord[] errors;
        lock (_lock)
        {
            total = _total;
            failed = _failed;
            sorted = _latencies[..(int)Math.Min(total, Window)];
            errors = [.. _errors.Reverse()];
        }

        Array.Sort(sorted);
        var rate = total == 0 ? 1.0 : (double)(total - failed) / total;
        return new ProviderHealthSnapshot(
            provider, total, total - failed, failed, rate, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), errors);
    }

    /// <summary>Nearest-rank percentile; 0 with no samples.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
