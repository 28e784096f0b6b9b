using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Abstractions.Approvals;

/// <summary>What a <c>request_approval</c> verdict hands to its approval grain.</summary>
[GenerateSerializer, Immutable, Alias("acteon.approval-request")]
public sealed record ApprovalRequest
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required GatewayAction Action { get; init; }
    [Id(2)] public required string Rule { get; init; }
    [Id(3)] public string? Message { get; init; }
    [Id(4)] public required string NotifyProvider { get; init; }
    [Id(5)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public required DateTimeOffset ExpiresAt { get; init; }
    [Id(7)] public required string ApproveUrl { get; init; }
    [Id(8)] public required string RejectUrl { get; init; }
}
