using Orleans.Concurrency;

namespace Acteon.Grains.Abstractions.Chains;

/// <summary>
/// One running chain (key <c>{namespace}:{tenant}:{chain_id}</c>): runs its steps in order, each after its delay,
/// by reminder, so that it goes on after a restart or on another node.
/// </summary>
[Alias("acteon.chain")]
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Stores the chain and runs its first step at once (after this call returns); a repeated start changes nothing.</summary>
    [Alias("StartAsync")]
    Task<ChainStarted> StartAsync(ChainStart start);

    /// <summary>Runs every step that is due; the reminder calls it too.</summary>
    [Alias("AdvanceAsync"), OneWay]
    Task AdvanceAsync();

    /// <summary>Interleaves with a running step: a read does not wait for a slow provider.</summary>
    [Alias("GetAsync"), AlwaysInterleave]
    Task<ChainDetail?> GetAsync();

    [Alias("CancelAsync")]
    Task<ChainCancelResult> CancelAsync(string? reason);
}
