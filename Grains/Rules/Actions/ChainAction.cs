namespace Acteon.Grains.Rules.Actions;

public sealed record ChainAction(string Chain) : RuleAction
{
    public override string Verdict => "chain";
}
