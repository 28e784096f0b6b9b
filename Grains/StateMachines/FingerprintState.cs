using Acteon.Grains.Abstractions.StateMachines;

namespace Acteon.Grains.StateMachines;

/// <summary>A fingerprint's durable state. <see cref="PendingNotices"/> are notifications its transitions decided and not yet sent.</summary>
[GenerateSerializer, Alias("acteon.fingerprint-state")]
public sealed record FingerprintState
{
    [Id(0)] public string? Fingerprint { get; init; }
    [Id(1)] public string Namespace { get; init; } = "";
    [Id(2)] public string Tenant { get; init; } = "";
    [Id(3)] public string StateMachine { get; init; } = "";
    [Id(4)] public string State { get; init; } = "";
    [Id(5)] public string ActionType { get; init; } = "";
    [Id(6)] public string Provider { get; init; } = "";
    [Id(7)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(8)] public IReadOnlyList<EventTransition> History { get; init; } = [];

    /// <summary>When the current state's timeout fires; null when it has none.</summary>
    [Id(9)] public DateTimeOffset? TimeoutAt { get; init; }

    [Id(11)] public IReadOnlyList<StateNotice> PendingNotices { get; init; } = [];
}
