using System.Diagnostics;

namespace Acteon.Bench;

/// <summary>
/// Thread-safe latency histogram with 1 µs buckets up to one second (preallocated); slower samples go to one
/// overflow bucket and still count towards the maximum.
/// </summary>
internal sealed class LatencyRecorder
{
    private const int BucketCount = 1_000_000;
    private readonly long[] _buckets = new long[BucketCount + 1];
    private long _count;
    private long _maxMicros;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0, (long)latency.TotalMicroseconds);
        Interlocked.Increment(ref _buckets[Math.Min(micros, BucketCount)]);
        Interlocked.Increment(ref _count);
        var max = Interlocked.Read(ref _maxMicros);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicros, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1), to the microsecond; the maximum for the overflow bucket.</summary>
    public TimeSpan Percentile(double q)
    {
        var count = Count;
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(q * count);
        rank = Math.Clamp(rank, 1, count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return i == BucketCount ? Max : TimeSpan.FromMicroseconds(i);
            }
        }

        return Max;
    }

    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _maxMicros));
}
