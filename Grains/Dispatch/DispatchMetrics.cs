using System.Diagnostics.Metrics;
using Acteon.Grains.Abstractions.Outcomes;

namespace Acteon.Grains.Dispatch;

/// <summary>Dispatch counters for <c>/metrics</c> and <c>/health</c>, also published on the "Acteon.Gateway" meter.</summary>
public sealed class DispatchMetrics : IDisposable
{
    public static readonly string[] Names =
        ["dispatched", "executed", "deduplicated", "suppressed", "rerouted", "throttled", "failed", "grouped", "pending_approval"];

    private readonly long[] _counts = new long[Names.Length];
    private readonly Meter _meter;
    private readonly Counter<long> _outcomes;

    public DispatchMetrics(IMeterFactory meters)
    {
        _meter = meters.Create("Acteon.Gateway");
        _outcomes = _meter.CreateCounter<long>("acteon.dispatch.outcomes", description: "Dispatches by outcome");
    }

    public void Dispatched() => Interlocked.Increment(ref _counts[0]);

    public void Record(DispatchOutcome outcome)
    {
        var index = Array.IndexOf(Names, outcome.Name);
        if (index > 0)
        {
            Interlocked.Increment(ref _counts[index]);
        }

        _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Name));
    }

    /// <summary>The first <paramref name="count"/> counters by name (the seed's /metrics shows seven, /health nine).</summary>
    public IEnumerable<KeyValuePair<string, long>> Snapshot(int count)
    {
        for (var i = 0; i < count && i < Names.Length; i++)
        {
            yield return new KeyValuePair<string, long>(Names[i], Interlocked.Read(ref _counts[i]));
        }
    }

    public void Dispose() => _meter.Dispose();
}
