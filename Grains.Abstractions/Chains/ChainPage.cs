namespace Acteon.Grains.Abstractions.Chains;

[GenerateSerializer, Immutable, Alias("acteon.chain-page")]
public sealed record ChainPage([property: Id(0)] IReadOnlyList<ChainSummary> Chains, [property: Id(1)] int Total);
