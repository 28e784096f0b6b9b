namespace Acteon.Grains.Rules.Actions;

/// <summary>Holds the action durably and dispatches it after <see cref="Delay"/>.</summary>
public sealed record ScheduleAction(TimeSpan Delay) : RuleAction
{
    public override string Verdict => "schedule";
}
