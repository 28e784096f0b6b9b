namespace Acteon.Grains.Rules.Actions;

/// <summary>Blocks the action; answered as <c>suppressed</c> with the rule.</summary>
public sealed record DenyAction : RuleAction
{
    public override string Verdict => "deny";
}
