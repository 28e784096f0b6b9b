namespace Acteon.Grains.Abstractions.Groups;

/// <summary>
/// One per group key (<c>{namespace}:{tenant}:{group_key}</c>): holds the group's events durably and flushes them as one
/// summary action through the pipeline when its reminder comes due, when it is full, or when asked to.
/// </summary>
[Alias("acteon.group")]
public interface IGroupGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds events in order (one result each); a new group takes <paramref name="settings"/> (later calls' settings are
    /// ignored). Several events in one call are stored with one write.
    /// </summary>
    [Alias("AddAsync")]
    Task<IReadOnlyList<GroupAddResult>> AddAsync(IReadOnlyList<GroupedEvent> groupedEvents, GroupSettings settings);

    /// <summary>The group with its events, or null when there is none.</summary>
    [Alias("GetAsync")]
    Task<GroupSnapshot?> GetAsync();

    /// <summary>Sends the notification now; null when there is no group.</summary>
    [Alias("FlushNowAsync")]
    Task<GroupFlushResult?> FlushNowAsync();
}
