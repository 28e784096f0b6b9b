using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Abstractions.StateMachines;

/// <summary>What a dispatch tells a fingerprint: which machine, which target state, and where notifications go.</summary>
[GenerateSerializer, Immutable, Alias("acteon.fingerprint-command")]
public sealed record FingerprintCommand
{
    [Id(0)] public required string Namespace { get; init; }
    [Id(1)] public required string Tenant { get; init; }
    [Id(2)] public required string Fingerprint { get; init; }
    [Id(3)] public required string StateMachine { get; init; }

    /// <summary>The action's status; null keeps the current state.</summary>
    [Id(4)] public string? TargetState { get; init; }

    [Id(5)] public required string ActionType { get; init; }

    /// <summary>The provider of the action, which timeout notifications go to.</summary>
    [Id(6)] public required string Provider { get; init; }

    [Id(7)] public required string By { get; init; }

    /// <summary>The action sent to its provider when the transition it asks for notifies.</summary>
    [Id(8)] public required GatewayAction Action { get; init; }
}
