namespace Acteon.Grains.Abstractions.Chains;

/// <summary>An element of <c>GET /v1/chains</c>; <see cref="CurrentStep"/> is the index of the step that runs next (or ran last).</summary>
[GenerateSerializer, Immutable, Alias("acteon.chain-summary")]
public sealed record ChainSummary
{
    [Id(0)] public required string ChainId { get; init; }
    [Id(1)] public required string ChainName { get; init; }
    [Id(2)] public required string Status { get; init; }
    [Id(3)] public required int CurrentStep { get; init; }
    [Id(4)] public required int TotalSteps { get; init; }
    [Id(5)] public required DateTimeOffset StartedAt { get; init; }
    [Id(6)] public required DateTimeOffset UpdatedAt { get; init; }
}
