namespace Acteon.Grains.Abstractions.StateMachines;

/// <summary>One per <c>{namespace}:{tenant}</c>: the summaries of that scope's fingerprints, so listing reads no other grain.</summary>
[Alias("acteon.event-index")]
public interface IEventIndexGrain : IGrainWithStringKey
{
    [Alias("UpsertAsync")]
    Task UpsertAsync(EventSummary summary);

    /// <summary>A page in fingerprint order, only those in <paramref name="state"/> when it is set, and how many matched.</summary>
    [Alias("ListAsync")]
    Task<EventPage> ListAsync(string? state, int offset, int limit);
}
