using Acteon.Grains.Abstractions.Rules;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Rules.Toggles;

internal sealed class RuleTogglesGrain([PersistentState("toggles")] IPersistentState<RuleTogglesState> state) : Grain, IRuleTogglesGrain
{
    public const string TypeName = "rule-toggles";
    public const string Key = "global";

    public async Task SetAsync(string ruleName, bool enabled)
    {
        var toggles = new Dictionary<string, bool>(state.State.Enabled, StringComparer.Ordinal) { [ruleName] = enabled };
        state.State = new RuleTogglesState { Enabled = toggles };
        await state.WriteStateAsync();
    }

    public async Task<IReadOnlyDictionary<string, bool>> GetAsync()
    {
        await state.ReadStateAsync();
        return state.State.Enabled;
    }
}
