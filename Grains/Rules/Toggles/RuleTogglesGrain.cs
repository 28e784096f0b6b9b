using Acteon.Grains.Abstractions.Rules;
using Acteon.Grains.State;

namespace Acteon.Grains.Rules.Toggles;

[GrainType(TypeName)]
internal sealed class RuleTogglesGrain([PersistentState("toggles", GrainStorage.Name)] IPersistentState<RuleTogglesState> state)
    : Grain, IRuleTogglesGrain
{
    public const string TypeName = "rule-toggles";
    public const string Key = "global";

    public Task SetAsync(string ruleName, bool enabled) =>
        state.UpdateAsync(current =>
            (new RuleTogglesState { Enabled = new Dictionary<string, bool>(current.Enabled, StringComparer.Ordinal) { [ruleName] = enabled } }, true));

    public async Task<IReadOnlyDictionary<string, bool>> GetAsync()
    {
        await state.ReadStateAsync();
        return state.State.Enabled;
    }
}
