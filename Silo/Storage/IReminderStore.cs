using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Storage;

/// <summary>Durable reminders, claimed with leases so that each due reminder is fired by one live node at a time.</summary>
public interface IReminderStore
{
    /// <summary>Creates or replaces the reminder (clearing any lease); returns the stored entry.</summary>
    Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken);

    Task RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    Task<ReminderEntry?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> reminders due at <paramref name="now"/> whose lease is free or expired
    /// to <paramref name="owner"/> until <c>now + lease</c>.
    /// </summary>
    Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>
    /// After a successful tick: moves the reminder to <paramref name="nextDue"/> and frees the lease, or deletes it
    /// when <paramref name="nextDue"/> is null. Does nothing when the reminder was re-registered meanwhile.
    /// </summary>
    Task CompleteAsync(ReminderEntry fired, DateTimeOffset? nextDue, CancellationToken cancellationToken);

    /// <summary>The earliest due time of any reminder, to sleep until then.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
