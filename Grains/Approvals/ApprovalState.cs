using Acteon.Grains.Abstractions.Approvals;

namespace Acteon.Grains.Approvals;

/// <summary>
/// An approval as stored. <see cref="Executed"/> stays false between the write that approves and the one that
/// records the outcome: a silo that dies in between leaves the reminder to finish the execution.
/// </summary>
public sealed record ApprovalState
{
    public ApprovalRequest? Request { get; init; }
    public string Status { get; init; } = ApprovalStatus.Pending;
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Who approved or rejected (the audit caller of the approved execution); null for expiry.</summary>
    public string? DecidedBy { get; init; }
    public bool NotificationSent { get; init; }
    public bool Executed { get; init; }
    public string? OutcomeJson { get; init; }
}
