using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Chains;

namespace Acteon.Grains.Chains;

/// <summary>
/// A chain as stored. <see cref="InFlight"/> is written before a step's provider call and cleared with its result: a
/// chain found in flight after a restart runs that step again with the same attempt (the same idempotency key).
/// </summary>
public sealed record ChainState
{
    public string? ChainId { get; init; }
    public GatewayAction? Origin { get; init; }
    public string? Rule { get; init; }
    public ChainDefinition? Definition { get; init; }
    public string Status { get; init; } = ChainStatus.Running;
    public int Current { get; init; }
    public DateTimeOffset ReadyAt { get; init; }
    public bool InFlight { get; init; }
    public IReadOnlyList<ChainStepRecord> Steps { get; init; } = [];
    public IReadOnlyList<string> Path { get; init; } = [];
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? CancelReason { get; init; }
}
