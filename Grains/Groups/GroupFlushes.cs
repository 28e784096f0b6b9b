using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Grains.Groups;

/// <summary>The decisions of a group, as pure functions of its state and the time: adding an event and flushing.</summary>
internal static class GroupFlushes
{
    public static GroupState Start(GroupSettings settings, DateTimeOffset now) => new()
    {
        GroupId = Guid.CreateVersion7(now).ToString(),
        Settings = settings,
        Status = GroupSnapshot.Pending,
        NotifyAt = now + settings.GroupWait,
        CreatedAt = now,
    };

    /// <summary>
    /// Adds the event (replacing one with the same fingerprint). A notified group becomes pending again, due after
    /// group_interval; a group that reaches max_group_size flushes now.
    /// </summary>
    public static GroupState Add(GroupState group, GroupedEvent added, DateTimeOffset now)
    {
        var events = new List<GroupedEvent>(group.Events.Count + 1);
        foreach (var held in group.Events)
        {
            if (added.Fingerprint is null || held.Fingerprint != added.Fingerprint)
            {
                events.Add(held);
            }
        }

        events.Add(added);
        var next = group with
        {
            Events = events,
            Status = GroupSnapshot.Pending,
            NotifyAt = group.Status == GroupSnapshot.Notified ? now + group.Settings!.GroupInterval : group.NotifyAt,
            IdleFlushes = 0,
        };
        return events.Count >= group.Settings!.MaxGroupSize ? Flush(next, now, full: true) : next;
    }

    /// <summary>Whether the group is due: its time has come and it has something to send.</summary>
    public static bool Due(GroupState group, DateTimeOffset now) =>
        group.GroupId is not null && !group.Ended && group.PendingFlush is null && group.NotifyAt <= now && group.Events.Count > 0;

    /// <summary>
    /// Hands the group's events to a notification. An ephemeral group ends; a persistent one is notified and re-sent
    /// after repeat_interval (resolved events and, after a full flush, all events are not re-sent), ending after
    /// <see cref="GroupGrain.MaxIdleFlushes"/> repeats without a new event.
    /// </summary>
    public static GroupState Flush(GroupState group, DateTimeOffset now, bool full = false)
    {
        var flush = new PendingFlush { FlushId = Guid.CreateVersion7(now).ToString(), Events = group.Events, FlushedAt = now };
        if (group.Settings!.RepeatInterval is not { } repeat)
        {
            return group with { Events = [], PendingFlush = flush, Ended = true };
        }

        var idle = group.Status == GroupSnapshot.Notified ? group.IdleFlushes + 1 : 0;
        var kept = full ? [] : group.Events.Where(e => !string.Equals(e.Status, "resolved", StringComparison.OrdinalIgnoreCase)).ToList();
        return group with
        {
            Events = kept,
            Status = GroupSnapshot.Notified,
            NotifyAt = now + repeat,
            IdleFlushes = idle,
            PendingFlush = flush,
            Ended = idle >= GroupGrain.MaxIdleFlushes,
        };
    }
}
