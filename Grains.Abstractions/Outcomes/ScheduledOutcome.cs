namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>The action is held durably and will be dispatched at <see cref="ScheduledFor"/>.</summary>
public sealed record ScheduledOutcome(string ActionId, DateTimeOffset ScheduledFor) : DispatchOutcome
{
    public override string Name => "scheduled";
}
