using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Grains.Groups;

/// <summary>
/// A group's durable header. The events it took since its last flush are rows of its log (<see cref="IGroupEventLog"/>,
/// under <see cref="LogId"/>), written one by one as they come; <see cref="Events"/> holds only those a persistent group
/// kept through its last flush. <see cref="PendingFlush"/> is a decided notification not yet known to be sent.
/// </summary>
[GenerateSerializer, Alias("acteon.group-state")]
public sealed record GroupState
{
    [Id(0)] public string? GroupId { get; init; }
    [Id(1)] public GroupSettings? Settings { get; init; }

    /// <summary>The events kept through the last flush (a persistent group's re-sent ones); they come before the log's.</summary>
    [Id(2)] public IReadOnlyList<GroupedEvent> Events { get; init; } = [];

    [Id(3)] public string Status { get; init; } = GroupSnapshot.Pending;
    [Id(4)] public DateTimeOffset NotifyAt { get; init; }
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Repeat flushes in a row with no new event; a persistent group ends at <see cref="GroupGrain.MaxIdleFlushes"/>.</summary>
    [Id(6)] public int IdleFlushes { get; init; }

    [Id(7)] public PendingFlush? PendingFlush { get; init; }

    /// <summary>The group has had its last flush: once that is sent, the state is cleared.</summary>
    [Id(8)] public bool Ended { get; init; }

    /// <summary>The log id whose rows are the group's events since its last flush; a flush starts a new one.</summary>
    [Id(9)] public string LogId { get; init; } = "";
}
