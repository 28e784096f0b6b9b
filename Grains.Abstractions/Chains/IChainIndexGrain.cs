namespace Acteon.Grains.Abstractions.Chains;

/// <summary>The chains of one namespace and tenant (key <c>{namespace}:{tenant}</c>), for listing; each chain grain keeps its entry current.</summary>
[Alias("acteon.chain-index")]
public interface IChainIndexGrain : IGrainWithStringKey
{
    [Alias("PutAsync")]
    Task PutAsync(ChainSummary summary);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string chainId);

    /// <summary>Newest first; <paramref name="status"/> null: every status.</summary>
    [Alias("ListAsync")]
    Task<ChainPage> ListAsync(string? status, int offset, int limit);
}
