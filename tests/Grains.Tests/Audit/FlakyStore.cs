using Acteon.Grains.Abstractions.Audit;

namespace Acteon.Grains.Tests.Audit;

/// <summary>
/// An audit store that refuses records of action type "poison" for their content, as the real stores refuse text they
/// cannot hold (the whole call fails, as a PostgreSQL batch does), and that can be down (every call fails otherwise).
/// </summary>
internal sealed class FlakyStore : IAuditStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AuditRecord> _written = new(StringComparer.Ordinal);
    private readonly List<AuditDeadLetter> _deadLetters = [];
    private int _attempts;

    public volatile bool Down;

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyCollection<AuditRecord> Written
    {
        get
        {
            lock (_gate)
            {
                return [.. _written.Values];
            }
        }
    }

    public IReadOnlyList<AuditDeadLetter> DeadLetters
    {
        get
        {
            lock (_gate)
            {
                return [.. _deadLetters];
            }
        }
    }

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Down)
        {
            return Task.FromException(new IOException("store down"));
        }

        if (records.Any(r => r.ActionType == "poison"))
        {
            return Task.FromException(new AuditRecordRejectedException("the store refuses action type 'poison'"));
        }

        lock (_gate)
        {
            foreach (var record in records)
            {
                _written.TryAdd(record.Id, record);
            }
        }

        return Task.CompletedTask;
    }

    public Task AppendDeadLetterAsync(AuditDeadLetter letter, int capacity, CancellationToken cancellationToken)
    {
        if (Down)
        {
            return Task.FromException(new IOException("store down"));
        }

        lock (_gate)
        {
            _deadLetters.Add(letter);
        }

        return Task.CompletedTask;
    }

    public Task<AuditDeadLetterPage> ReadDeadLettersAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<AuditRecord?> GetByActionIdAsync(string actionId, CancellationToken cancellationToken) => Task.FromResult<AuditRecord?>(null);
}
