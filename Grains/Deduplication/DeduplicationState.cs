namespace Acteon.Grains.Deduplication;

/// <summary>Durable state of a dedup key: until when it counts as seen.</summary>
public sealed record DeduplicationState
{
    public DateTimeOffset? SeenUntil { get; init; }
}
