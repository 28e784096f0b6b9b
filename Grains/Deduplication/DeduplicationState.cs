using System.Text.Json.Serialization;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Deduplication;

/// <summary>Durable state of a dedup key: until when it counts as seen.</summary>
public sealed record DeduplicationState : IExpiringState
{
    public DateTimeOffset? SeenUntil { get; init; }

    [JsonIgnore]
    public DateTimeOffset? ExpiresAt => SeenUntil;
}
