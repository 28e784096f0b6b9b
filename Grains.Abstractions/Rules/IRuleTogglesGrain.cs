using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Abstractions.Rules;

/// <summary>The stored enable/disable toggles of rules (one grain, key "global"): they outlive reloads and restarts.</summary>
public interface IRuleTogglesGrain : IGrainWithStringKey
{
    Task SetAsync(string ruleName, bool enabled);

    /// <summary>The toggles as stored now (re-read from the store, so writes of other nodes are seen).</summary>
    Task<IReadOnlyDictionary<string, bool>> GetAsync();
}
