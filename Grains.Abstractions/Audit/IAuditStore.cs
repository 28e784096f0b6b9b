namespace Acteon.Grains.Abstractions.Audit;

/// <summary>Where audit records are kept (memory, SQLite, PostgreSQL).</summary>
public interface IAuditStore
{
    /// <summary>Stores the records (a record already stored under its id is left as it is).</summary>
    /// <exception cref="AuditRecordRejectedException">A record's content cannot be stored; nothing else in the call is known to be.</exception>
    Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes records whose <c>expires_at</c> is at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The most recent record of that action, or null.</summary>
    Task<AuditRecord?> GetByActionIdAsync(string actionId, CancellationToken cancellationToken);

    /// <summary>Keeps a rejected record apart; beyond <paramref name="capacity"/> letters the oldest are deleted.</summary>
    Task AppendDeadLetterAsync(AuditDeadLetter letter, int capacity, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> dead letters and how many there are.</summary>
    Task<AuditDeadLetterPage> ReadDeadLettersAsync(int limit, CancellationToken cancellationToken);
}
