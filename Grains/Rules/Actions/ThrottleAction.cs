namespace Acteon.Grains.Rules.Actions;

/// <summary>At most <see cref="MaxCount"/> actions per window, counted per rule, namespace and tenant across the cluster.</summary>
public sealed record ThrottleAction(int MaxCount, TimeSpan Window) : RuleAction
{
    public override string Verdict => "throttle";
}
