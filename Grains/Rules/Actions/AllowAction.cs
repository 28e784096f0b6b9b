namespace Acteon.Grains.Rules.Actions;

public sealed record AllowAction : RuleAction
{
    public static readonly AllowAction Instance = new();

    public override string Verdict => "allow";
}
