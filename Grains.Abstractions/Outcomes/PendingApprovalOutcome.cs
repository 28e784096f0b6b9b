namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>The action waits for a person: nothing runs until the approve link is used (or it expires).</summary>
public sealed record PendingApprovalOutcome(string ApprovalId, DateTimeOffset ExpiresAt, string ApproveUrl, string RejectUrl) : DispatchOutcome
{
    public override string Name => "pending_approval";
}
