using System.Text.Json.Serialization;
using Acteon.Grains.Abstractions.Storage;

namespace Acteon.Grains.Deduplication;

/// <summary>Durable state of a dedup key: until when it counts as seen.</summary>
[GenerateSerializer, Alias("acteon.dedup-state")]
public sealed record DeduplicationState : IExpiringState
{
    [Id(0)] public DateTimeOffset? SeenUntil { get; init; }

    [JsonIgnore]
    public DateTimeOffset? ExpiresAt => SeenUntil;
}
