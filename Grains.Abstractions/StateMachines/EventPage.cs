namespace Acteon.Grains.Abstractions.StateMachines;

[GenerateSerializer, Immutable, Alias("acteon.event-page")]
public sealed record EventPage([property: Id(0)] IReadOnlyList<EventSummary> Events, [property: Id(1)] int Total);
