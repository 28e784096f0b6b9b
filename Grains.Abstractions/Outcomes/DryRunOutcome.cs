namespace Acteon.Grains.Abstractions.Outcomes;

public sealed record DryRunOutcome(string Verdict, string? MatchedRule, string WouldBeProvider) : DispatchOutcome
{
    public override string Name => "dry_run";
}
