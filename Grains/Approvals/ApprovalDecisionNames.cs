namespace Acteon.Grains.Approvals;

/// <summary>The decision words of the links, part of what is signed, and who a signed link's decision is recorded as.</summary>
public static class ApprovalDecisionNames
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    /// <summary>The decider (and audit caller) of a decision made through a signed link: the link carries no identity.</summary>
    public const string SignedLinkCaller = "approval";
}
