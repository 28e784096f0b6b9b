using System.Diagnostics.Metrics;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.Dispatch;

/// <summary>
/// The gateway's instruments, on the <see cref="MeterName"/> meter: dispatch counters for <c>/metrics</c> and
/// <c>/health</c>, outcomes and latency by outcome, provider and namespace, and the audit queue's depth.
/// </summary>
public sealed class DispatchMetrics
{
    public const string MeterName = "Acteon.Gateway";

    public static readonly string[] Names =
        ["dispatched", "executed", "deduplicated", "suppressed", "rerouted", "throttled", "failed", "grouped", "pending_approval"];

    private readonly long[] _counts = new long[Names.Length];
    private readonly TimeProvider _time;
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _duration;

    /// <remarks>The meter belongs to <paramref name="meters"/>, which disposes it with the container.</remarks>
    public DispatchMetrics(IMeterFactory meters, BatchingAuditWriter audit, [FromKeyedServices(GatewayClock.Key)] TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("acteon.dispatch.outcomes", description: "Dispatches by outcome, provider and namespace");
        _duration = meter.CreateHistogram("acteon.dispatch.duration", "s", "Time from receiving an action to its outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        meter.CreateObservableGauge("acteon.audit.queue.depth", () => audit.QueueDepth, "{record}", "Audit records waiting to be written");
        meter.CreateObservableCounter("acteon.audit.dead_letters", () => audit.DeadLettered, "{record}", "Audit records the store rejected for their content, kept in the dead-letter table");
        meter.CreateObservableCounter("acteon.audit.lost", () => audit.Lost, "{record}", "Audit records that could not be written (left at the shutdown deadline)");
    }

    /// <summary>Counts a dispatch (not a dry run) and returns its start, for <see cref="Record"/>.</summary>
    public long Dispatched()
    {
        Interlocked.Increment(ref _counts[0]);
        return _time.GetTimestamp();
    }

    public void Record(GatewayAction action, DispatchOutcome outcome, long started)
    {
        var index = Array.IndexOf(Names, outcome.Name);
        if (index > 0)
        {
            Interlocked.Increment(ref _counts[index]);
        }

        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome.Name);
        var providerTag = new KeyValuePair<string, object?>("provider", action.Provider);
        var namespaceTag = new KeyValuePair<string, object?>("namespace", action.Namespace);
        _outcomes.Add(1, outcomeTag, providerTag, namespaceTag);
        _duration.Record(_time.GetElapsedTime(started).TotalSeconds, outcomeTag, providerTag, namespaceTag);
    }

    /// <summary>The first <paramref name="count"/> counters by name (the seed's /metrics shows seven, /health nine).</summary>
    public IEnumerable<KeyValuePair<string, long>> Snapshot(int count)
    {
        for (var i = 0; i < count && i < Names.Length; i++)
        {
            yield return new KeyValuePair<string, long>(Names[i], Interlocked.Read(ref _counts[i]));
        }
    }
}
