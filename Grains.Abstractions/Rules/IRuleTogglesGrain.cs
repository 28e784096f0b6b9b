namespace Acteon.Grains.Abstractions.Rules;

/// <summary>The stored enable/disable toggles of rules (one grain, key "global"): they outlive reloads and restarts.</summary>
[Alias("acteon.rule-toggles")]
public interface IRuleTogglesGrain : IGrainWithStringKey
{
    [Alias("SetAsync")]
    Task SetAsync(string ruleName, bool enabled);

    /// <summary>The toggles as stored now (re-read from the store, so writes of other nodes are seen).</summary>
    [Alias("GetAsync")]
    Task<IReadOnlyDictionary<string, bool>> GetAsync();
}
