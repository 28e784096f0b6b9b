namespace Acteon.Grains.Abstractions.Chains;

/// <summary><see cref="Detail"/> is null when there is no such chain; <see cref="Cancelled"/> is false when it was not running.</summary>
[GenerateSerializer, Immutable, Alias("acteon.chain-cancel-result")]
public sealed record ChainCancelResult([property: Id(0)] bool Cancelled, [property: Id(1)] ChainDetail? Detail);
