using Acteon.Grains.Abstractions.Chains;
using Acteon.Grains.State;

namespace Acteon.Grains.Chains;

/// <summary>The chains of one namespace and tenant; entries leave when their chain's retention ends.</summary>
[GrainType(TypeName)]
internal sealed class ChainIndexGrain([PersistentState("chain-index", GrainStorage.Name)] IPersistentState<ChainIndexState> state)
    : Grain, IChainIndexGrain
{
    public const string TypeName = "chain-index";

    public Task PutAsync(ChainSummary summary) => state.UpdateAsync(stored =>
    {
        if (stored.Chains.TryGetValue(summary.ChainId, out var existing) && existing == summary)
        {
            return ((ChainIndexState?)null, 0);
        }

        var next = new Dictionary<string, ChainSummary>(stored.Chains, StringComparer.Ordinal) { [summary.ChainId] = summary };
        return (new ChainIndexState { Chains = next }, 0);
    });

    public Task RemoveAsync(string chainId) => state.UpdateAsync(stored =>
    {
        if (!stored.Chains.ContainsKey(chainId))
        {
            return ((ChainIndexState?)null, 0);
        }

        var next = new Dictionary<string, ChainSummary>(stored.Chains, StringComparer.Ordinal);
        next.Remove(chainId);
        return (new ChainIndexState { Chains = next }, 0);
    });

    public Task<ChainPage> ListAsync(string? status, int offset, int limit)
    {
        var matching = state.State.Chains.Values
            .Where(a => status is null || a.Status == status)
            .OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.ChainId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new ChainPage([.. matching.Skip(offset).Take(limit)], matching.Count));
    }
}
