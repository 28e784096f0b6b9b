namespace Acteon.Grains.Abstractions.StateMachines;

/// <summary>A fingerprint's state and its transitions so far (oldest first, the last <c>MaxHistory</c> kept).</summary>
[GenerateSerializer, Immutable, Alias("acteon.event-snapshot")]
public sealed record EventSnapshot([property: Id(0)] EventSummary Summary, [property: Id(1)] IReadOnlyList<EventTransition> History);
