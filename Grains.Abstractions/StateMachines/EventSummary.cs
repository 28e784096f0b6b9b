namespace Acteon.Grains.Abstractions.StateMachines;

/// <summary>A fingerprint as the events list shows it.</summary>
[GenerateSerializer, Immutable, Alias("acteon.event-summary")]
public sealed record EventSummary
{
    [Id(0)] public required string Fingerprint { get; init; }
    [Id(1)] public required string State { get; init; }
    [Id(2)] public required string StateMachine { get; init; }
    [Id(3)] public required string ActionType { get; init; }
    [Id(4)] public required DateTimeOffset UpdatedAt { get; init; }
}
