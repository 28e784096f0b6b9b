namespace Acteon.Grains.Abstractions.Approvals;

public enum ApprovalDecisionKind
{
    /// <summary>This call decided it.</summary>
    Decided,

    /// <summary>No such approval.</summary>
    NotFound,

    /// <summary>Approved, rejected or expired before this call.</summary>
    AlreadyDecided,
}
