namespace Acteon.Grains.Abstractions.Chains;

/// <summary><c>GET /v1/chains/{id}</c>: the summary, the origin action, the steps and the path taken.</summary>
[GenerateSerializer, Immutable, Alias("acteon.chain-detail")]
public sealed record ChainDetail
{
    [Id(0)] public required ChainSummary Summary { get; init; }
    [Id(1)] public required string Namespace { get; init; }
    [Id(2)] public required string Tenant { get; init; }
    [Id(3)] public required string OriginActionId { get; init; }
    [Id(4)] public required IReadOnlyList<ChainStepView> Steps { get; init; }
    [Id(5)] public required IReadOnlyList<string> ExecutionPath { get; init; }
    [Id(6)] public DateTimeOffset? ExpiresAt { get; init; }
    [Id(7)] public string? CancelReason { get; init; }
}
