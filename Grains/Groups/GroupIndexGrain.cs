using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.State;

namespace Acteon.Grains.Groups;

/// <summary>The live group keys of one namespace and tenant (adds and removes are idempotent).</summary>
[GrainType(TypeName)]
internal sealed class GroupIndexGrain([PersistentState("group-index", GrainStorage.Name)] IPersistentState<GroupIndexState> state)
    : Grain, IGroupIndexGrain
{
    public const string TypeName = "group-index";

    public Task AddAsync(string groupKey) => state.UpdateAsync(current =>
        current.Keys.Contains(groupKey) ? (null, true) : (new GroupIndexState { Keys = [.. current.Keys, groupKey] }, true));

    public Task RemoveAsync(string groupKey) => state.UpdateAsync(current =>
        current.Keys.Contains(groupKey) ? (new GroupIndexState { Keys = [.. current.Keys.Where(k => k != groupKey)] }, true) : (null, true));

    public Task<IndexPage> ListAsync(int offset, int limit)
    {
        var keys = state.State.Keys.Order(StringComparer.Ordinal).Skip(offset).Take(limit).ToList();
        return Task.FromResult(new IndexPage(keys, state.State.Keys.Count));
    }
}
