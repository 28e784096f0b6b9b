using Acteon.Grains.Abstractions.StateMachines;

namespace Acteon.Grains.StateMachines;

[GenerateSerializer, Alias("acteon.event-index-state")]
public sealed record EventIndexState
{
    [Id(0)] public Dictionary<string, EventSummary> Events { get; init; } = new(StringComparer.Ordinal);
}
