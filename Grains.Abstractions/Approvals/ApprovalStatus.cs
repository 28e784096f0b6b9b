namespace Acteon.Grains.Abstractions.Approvals;

/// <summary>The wire names of an approval's status.</summary>
public static class ApprovalStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
}
