using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Grains.Groups;

/// <summary>A group's durable state. <see cref="PendingFlush"/> is a decided notification not yet known to be sent.</summary>
[GenerateSerializer, Alias("acteon.group-state")]
public sealed record GroupState
{
    [Id(0)] public string? GroupId { get; init; }
    [Id(1)] public GroupSettings? Settings { get; init; }
    [Id(2)] public IReadOnlyList<GroupedEvent> Events { get; init; } = [];
    [Id(3)] public string Status { get; init; } = GroupSnapshot.Pending;
    [Id(4)] public DateTimeOffset NotifyAt { get; init; }
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Repeat flushes in a row with no new event; a persistent group ends at <see cref="GroupGrain.MaxIdleFlushes"/>.</summary>
    [Id(6)] public int IdleFlushes { get; init; }

    [Id(7)] public PendingFlush? PendingFlush { get; init; }

    /// <summary>The group has had its last flush: once that is sent, the state is cleared.</summary>
    [Id(8)] public bool Ended { get; init; }
}
