using System.Numerics;

namespace Acteon.Bench;

/// <summary>
/// Thread-safe, preallocated latency histogram: exact microseconds below 1,024 µs, then 512 buckets per power of two
/// (0.2 % relative precision) up to any duration a run can produce.
/// </summary>
internal sealed class LatencyRecorder
{
    private const int Linear = 1024;
    private const int SubBuckets = 512;
    private const int SubBucketBits = 9;
    private readonly long[] _buckets = new long[Linear + ((63 - 10) * SubBuckets)];
    private long _count;
    private long _maxMicros;

    public long Count => Interlocked.Read(ref _count);

    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _maxMicros));

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0, (long)latency.TotalMicroseconds);
        Interlocked.Increment(ref _buckets[Index(micros)]);
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

    /// <summary>The latency at quantile <paramref name="q"/> (0..1): the upper edge of its bucket, capped at the maximum.</summary>
    public TimeSpan Percentile(double q)
    {
        var count = Count;
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Clamp((long)Math.Ceiling(q * count), 1, count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return TimeSpan.FromMicroseconds(Math.Min(UpperEdge(i), Interlocked.Read(ref _maxMicros)));
            }
        }

        return Max;
    }

    private static int Index(long micros)
    {
        if (micros < Linear)
        {
            return (int)micros;
        }

        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)micros); // >= 10
        var shift = exponent - SubBucketBits;
        return Linear + ((exponent - 10) * SubBuckets) + (int)((micros >> shift) - SubBuckets);
    }

    private static long UpperEdge(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var exponent = ((index - Linear) / SubBuckets) + 10;
        var mantissa = ((index - Linear) % SubBuckets) + SubBuckets;
        var shift = exponent - SubBucketBits;
        return ((mantissa + 1L) << shift) - 1;
    }
}
