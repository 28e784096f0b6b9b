namespace Acteon.Grains.Abstractions.Approvals;

/// <summary>An element of <c>GET /v1/approvals</c>.</summary>
[GenerateSerializer, Immutable, Alias("acteon.approval-summary")]
public sealed record ApprovalSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Namespace { get; init; }
    [Id(2)] public required string Tenant { get; init; }
    [Id(3)] public required string ActionType { get; init; }
    [Id(4)] public required string Provider { get; init; }
    [Id(5)] public required string Rule { get; init; }
    [Id(6)] public required string Status { get; init; }
    [Id(7)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public required DateTimeOffset ExpiresAt { get; init; }
    [Id(9)] public string? Message { get; init; }
    [Id(10)] public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Who decided: the caller's id, or <c>approval</c> for a signed link; null while undecided or expired.</summary>
    [Id(11)] public string? DecidedBy { get; init; }
}
