namespace Acteon.Grains.Rules.Actions;

/// <summary>Holds matching actions in the group their <see cref="GroupBy"/> values name, and sends one summary per flush.</summary>
public sealed record GroupAction(
    KeyFields GroupBy, TimeSpan GroupWait, TimeSpan GroupInterval, TimeSpan? RepeatInterval, int MaxGroupSize, string? NotifyProvider) : RuleAction
{
    public override string Verdict => "group";
}
