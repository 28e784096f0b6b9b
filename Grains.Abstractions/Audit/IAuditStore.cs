namespace Acteon.Grains.Abstractions.Audit;

/// <summary>Where audit records are kept (memory, SQLite, PostgreSQL).</summary>
public interface IAuditStore
{
    Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes records whose <c>expires_at</c> is at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The most recent record of that action, or null.</summary>
    Task<AuditRecord?> GetByActionIdAsync(string actionId, CancellationToken cancellationToken);
}
