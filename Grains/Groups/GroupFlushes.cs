using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Grains.Groups;

/// <summary>
/// The decisions of a group, as functions of its header, its events and the time: adding an event and flushing. A
/// decision that leaves the header as it was returns the same instance (nothing to write but the event's row).
/// </summary>
internal static class GroupFlushes
{
    public static GroupState Start(GroupSettings settings, DateTimeOffset now) => new()
    {
        GroupId = Guid.CreateVersion7(now).ToString(),
        Settings = settings,
        Status = GroupSnapshot.Pending,
        NotifyAt = now + settings.GroupWait,
        CreatedAt = now,
        LogId = Guid.CreateVersion7(now).ToString(),
    };

    /// <summary>
    /// Adds the event to <paramref name="events"/> (replacing one with the same fingerprint). A notified group becomes
    /// pending again, due after group_interval; adding to a pending group changes nothing in its header.
    /// </summary>
    public static GroupState Add(GroupState group, List<GroupedEvent> events, GroupedEvent added, DateTimeOffset now)
    {
        if (added.Fingerprint is not null && events.FindIndex(e => e.Fingerprint == added.Fingerprint) is var held and >= 0)
        {
            events.RemoveAt(held);
        }

        events.Add(added);
        return group.Status == GroupSnapshot.Notified || group.IdleFlushes != 0
            ? group with
            {
                Status = GroupSnapshot.Pending,
                NotifyAt = group.Status == GroupSnapshot.Notified ? now + group.Settings!.GroupInterval : group.NotifyAt,
                IdleFlushes = 0,
            }
            : group;
    }

    /// <summary>A group that reaches max_group_size flushes now.</summary>
    public static bool Full(GroupState group, int events) => events >= group.Settings!.MaxGroupSize;

    /// <summary>Whether the group is due: its time has come and it has something to send.</summary>
    public static bool Due(GroupState group, int events, DateTimeOffset now) =>
        group.GroupId is not null && !group.Ended && group.PendingFlush is null && group.NotifyAt <= now && events > 0;

    /// <summary>
    /// Hands the group's events to a notification and starts a new log. An ephemeral group ends; a persistent one is
    /// notified and re-sent after repeat_interval with the events it keeps (resolved events and, after a full flush,
    /// all events are not re-sent), ending after <see cref="GroupGrain.MaxIdleFlushes"/> repeats without a new event.
    /// </summary>
    public static (GroupState Group, List<GroupedEvent> Kept) Flush(GroupState group, IReadOnlyList<GroupedEvent> events, DateTimeOffset now, bool full = false)
    {
        var flush = new PendingFlush { FlushId = Guid.CreateVersion7(now).ToString(), Events = [.. events], FlushedAt = now };
        var log = Guid.CreateVersion7(now).ToString();
        if (group.Settings!.RepeatInterval is not { } repeat)
        {
            return (group with { Events = [], PendingFlush = flush, Ended = true, LogId = log }, []);
        }

        var idle = group.Status == GroupSnapshot.Notified ? group.IdleFlushes + 1 : 0;
        var kept = full ? [] : events.Where(e => !string.Equals(e.Status, "resolved", StringComparison.OrdinalIgnoreCase)).ToList();
        return (group with
        {
            Events = kept,
            Status = GroupSnapshot.Notified,
            NotifyAt = now + repeat,
            IdleFlushes = idle,
            PendingFlush = flush,
            Ended = idle >= GroupGrain.MaxIdleFlushes,
            LogId = log,
        }, [.. kept]);
    }
}
