namespace Acteon.Grains.Abstractions.Chains;

[GenerateSerializer, Immutable, Alias("acteon.chain-started")]
public sealed record ChainStarted([property: Id(0)] int TotalSteps, [property: Id(1)] string FirstStep);
