using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Grains.Groups;

/// <summary>
/// A flush decided and stored before its notification is sent. <see cref="FlushId"/> is the summary action's id, so a
/// send repeated after a crash carries the same id (receivers see one notification, once in effect).
/// </summary>
[GenerateSerializer, Alias("acteon.pending-flush")]
public sealed record PendingFlush
{
    [Id(0)] public required string FlushId { get; init; }
    [Id(1)] public required IReadOnlyList<GroupedEvent> Events { get; init; }
    [Id(2)] public required DateTimeOffset FlushedAt { get; init; }
}
