namespace Acteon.Grains.Abstractions.Approvals;

/// <summary>The answer to a decision: <see cref="Kind"/> says whether it was taken; <see cref="OutcomeJson"/> is the executed outcome of an approval.</summary>
[GenerateSerializer, Immutable, Alias("acteon.approval-decision")]
public sealed record ApprovalDecision(
    [property: Id(0)] ApprovalDecisionKind Kind,
    [property: Id(1)] string Status,
    [property: Id(2)] string? OutcomeJson = null);
