namespace Acteon.Grains.Rules.Actions;

public sealed record GroupAction(
    IReadOnlyList<string> GroupBy, TimeSpan GroupWait, TimeSpan GroupInterval, TimeSpan? RepeatInterval, int MaxGroupSize) : RuleAction
{
    public override string Verdict => "group";

    public override bool Supported => false;
}
