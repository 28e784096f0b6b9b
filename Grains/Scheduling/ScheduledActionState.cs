using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Scheduling;

public sealed record ScheduledActionState
{
    public GatewayAction? Action { get; init; }
    public DateTimeOffset DueAt { get; init; }
}
