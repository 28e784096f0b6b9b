namespace Acteon.Grains.Abstractions.Groups;

/// <summary>
/// The events a group took since its last flush, one row each (a table in the store), so that adding an event writes
/// that event only and not the whole group. Rows belong to a group grain's key and to one log id of it: a flush or a
/// new group starts a new log id (stored in the grain's state), which makes the rows of older ones dead at once;
/// <see cref="DeleteAsync"/> removes them later. The grain's state says which log id is live.
/// </summary>
public interface IGroupEventLog
{
    /// <summary>Stores the events (an event id already stored under the key and log id is kept as it was).</summary>
    Task AppendAsync(string grainKey, string logId, IReadOnlyList<GroupEventRecord> events, CancellationToken cancellationToken);

    /// <summary>The events of the key and log id, in sequence order (then event id).</summary>
    Task<IReadOnlyList<GroupEventRecord>> ReadAsync(string grainKey, string logId, CancellationToken cancellationToken);

    /// <summary>Deletes the key's rows of every log id but <paramref name="keepLogId"/> (null: all of them).</summary>
    Task DeleteAsync(string grainKey, string? keepLogId, CancellationToken cancellationToken);
}
