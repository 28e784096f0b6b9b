using System.Text.Json.Serialization;
using Acteon.Grains.Abstractions.Storage;

namespace Acteon.Grains.Throttling;

/// <summary>The open window: from <see cref="WindowStart"/> (the first admitted action) until <see cref="WindowEnd"/>.</summary>
[GenerateSerializer, Alias("acteon.throttle-state")]
public sealed record ThrottleState : IExpiringState
{
    [Id(0)] public DateTimeOffset? WindowStart { get; init; }
    [Id(1)] public DateTimeOffset? WindowEnd { get; init; }
    [Id(2)] public int Count { get; init; }

    [JsonIgnore]
    public DateTimeOffset? ExpiresAt => WindowEnd;
}
