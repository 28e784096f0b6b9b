namespace Acteon.Grains.Approvals;

/// <summary>The decision words of the links, part of what is signed.</summary>
public static class ApprovalDecisionNames
{
    public const string Approve = "approve";
    public const string Reject = "reject";
}
