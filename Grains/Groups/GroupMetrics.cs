using System.Diagnostics.Metrics;
using Acteon.Grains.Dispatch;

namespace Acteon.Grains.Groups;

/// <summary>
/// Group instruments on the gateway's meter: live groups (per silo; the cluster's count is their sum), flushes and
/// the events they carried.
/// </summary>
public sealed class GroupMetrics
{
    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _flushes;
    private readonly Counter<long> _flushedEvents;

    public GroupMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(DispatchMetrics.MeterName);
        _active = meter.CreateUpDownCounter<long>("acteon.groups.active", "{group}", "Groups started and not yet ended");
        _flushes = meter.CreateCounter<long>("acteon.groups.flushes", "{flush}", "Group notifications sent through the pipeline");
        _flushedEvents = meter.CreateCounter<long>("acteon.groups.flushed.events", "{event}", "Events carried by group notifications");
    }

    public void GroupStarted() => _active.Add(1);

    public void GroupEnded() => _active.Add(-1);

    public void Flushed(int events)
    {
        _flushes.Add(1);
        _flushedEvents.Add(events);
    }
}
