namespace Acteon.Grains.Rules.Actions;

public sealed record SuppressAction : RuleAction
{
    public override string Verdict => "suppress";
}
