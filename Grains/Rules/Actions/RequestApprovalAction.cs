namespace Acteon.Grains.Rules.Actions;

public sealed record RequestApprovalAction(string NotifyProvider, TimeSpan Timeout, string? Message) : RuleAction
{
    public override string Verdict => "request_approval";
}
