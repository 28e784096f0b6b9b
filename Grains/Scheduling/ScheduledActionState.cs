using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Scheduling;

[GenerateSerializer, Alias("acteon.scheduled-action-state")]
public sealed record ScheduledActionState
{
    [Id(0)] public GatewayAction? Action { get; init; }
    [Id(1)] public DateTimeOffset DueAt { get; init; }
}
