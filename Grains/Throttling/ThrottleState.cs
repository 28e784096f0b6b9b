using System.Text.Json.Serialization;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Throttling;

/// <summary>The open window: from <see cref="WindowStart"/> (the first admitted action) until <see cref="WindowEnd"/>.</summary>
public sealed record ThrottleState : IExpiringState
{
    public DateTimeOffset? WindowStart { get; init; }
    public DateTimeOffset? WindowEnd { get; init; }
    public int Count { get; init; }

    [JsonIgnore]
    public DateTimeOffset? ExpiresAt => WindowEnd;
}
