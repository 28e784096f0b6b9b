using System.Text.Json;
using Acteon.Grains.Abstractions.Audit;

namespace Acteon.Silo.Storage.Memory;

internal sealed class MemoryAuditStore : IAuditStore
{
    private readonly Lock _gate = new();
    private readonly List<AuditRecord> _records = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly LinkedList<AuditDeadLetter> _deadLetters = [];

    /// <remarks>
    /// Each record is serialized as the durable stores do it, so that what they would reject is rejected here too and
    /// never reaches a reader (GET /v1/audit would fail on it).
    /// </remarks>
    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            try
            {
                JsonSerializer.Serialize(Stream.Null, record, AuditJsonContext.Default.AuditRecord);
            }
            catch (Exception error) when (error is JsonException or InvalidOperationException or ArgumentException)
            {
                throw new AuditRecordRejectedException($"the record cannot be serialized: {error.Message}", error);
            }
        }

        lock (_gate)
        {
            // A batch may be written again after a failed attempt; like the durable stores, keep one record per id.
            _records.AddRange(records.Where(r => _ids.Add(r.Id)));
        }

        return Task.CompletedTask;
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.RemoveAll(r => r.ExpiresAt is { } at && at <= now));
        }
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var matching = _records.Where(r => Matches(r, query))
                .OrderByDescending(r => r.DispatchedAt)
                .ThenByDescending(r => r.Id, StringComparer.Ordinal)
                .ToList();
            var page = matching.Skip(query.Offset).Take(query.Limit).ToList();
            return Task.FromResult(new AuditPage(page, matching.Count));
        }
    }

    public Task<AuditRecord?> GetByActionIdAsync(string actionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var found = _records.Where(r => r.ActionId == actionId)
                .OrderByDescending(r => r.DispatchedAt)
                .ThenByDescending(r => r.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            return Task.FromResult(found);
        }
    }

    public Task AppendDeadLetterAsync(AuditDeadLetter letter, int capacity, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_deadLetters.All(l => l.RecordId != letter.RecordId))
            {
                _deadLetters.AddFirst(letter);
                while (_deadLetters.Count > capacity)
                {
                    _deadLetters.RemoveLast();
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditDeadLetterPage> ReadDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(new AuditDeadLetterPage([.. _deadLetters.Take(limit)], _deadLetters.Count));
        }
    }

    private static bool Matches(AuditRecord r, AuditQuery q) =>
        Eq(q.Namespace, r.Namespace) && Eq(q.Tenant, r.Tenant) && Eq(q.Provider, r.Provider)
        && Eq(q.ActionType, r.ActionType) && Eq(q.Outcome, r.Outcome) && Eq(q.Verdict, r.Verdict)
        && Eq(q.MatchedRule, r.MatchedRule) && Eq(q.CallerId, r.CallerId) && Eq(q.ChainId, r.ChainId)
        && (q.From is null || r.DispatchedAt >= q.From) && (q.To is null || r.DispatchedAt <= q.To)
        && (q.Scopes is null || q.Scopes.Any(s => s.Matches(r.Tenant, r.Namespace, r.Provider, r.ActionType)));

    private static bool Eq(string? wanted, string? actual) => wanted is null || wanted == actual;
}
