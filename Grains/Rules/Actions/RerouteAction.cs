namespace Acteon.Grains.Rules.Actions;

public sealed record RerouteAction(string TargetProvider) : RuleAction
{
    public override string Verdict => "reroute";
}
