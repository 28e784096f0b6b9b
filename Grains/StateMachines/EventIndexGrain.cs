using Acteon.Grains.Abstractions.StateMachines;
using Acteon.Grains.State;

namespace Acteon.Grains.StateMachines;

/// <summary>The fingerprint summaries of one namespace and tenant; an upsert of what is already there writes nothing.</summary>
[GrainType(TypeName)]
internal sealed class EventIndexGrain([PersistentState("event-index", GrainStorage.Name)] IPersistentState<EventIndexState> state)
    : Grain, IEventIndexGrain
{
    public const string TypeName = "event-index";

    public Task UpsertAsync(EventSummary summary) => state.UpdateAsync(current =>
        current.Events.TryGetValue(summary.Fingerprint, out var held) && held == summary
            ? (null, true)
            : (new EventIndexState { Events = new Dictionary<string, EventSummary>(current.Events, StringComparer.Ordinal) { [summary.Fingerprint] = summary } }, true));

    public Task<EventPage> ListAsync(string? filter, int offset, int limit)
    {
        var matching = state.State.Events.Values.Where(e => filter is null || e.State == filter).OrderBy(e => e.Fingerprint, StringComparer.Ordinal).ToList();
        return Task.FromResult(new EventPage([.. matching.Skip(offset).Take(limit)], matching.Count));
    }
}
