using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Abstractions.Chains;

[GenerateSerializer, Immutable, Alias("acteon.chain-start")]
public sealed record ChainStart
{
    [Id(0)] public required string ChainId { get; init; }
    [Id(1)] public required string ChainName { get; init; }
    [Id(2)] public required GatewayAction Origin { get; init; }
    [Id(3)] public string? Rule { get; init; }
}
