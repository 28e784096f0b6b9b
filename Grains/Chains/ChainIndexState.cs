using Acteon.Grains.Abstractions.Chains;

namespace Acteon.Grains.Chains;

public sealed record ChainIndexState
{
    public Dictionary<string, ChainSummary> Chains { get; init; } = new(StringComparer.Ordinal);
}
