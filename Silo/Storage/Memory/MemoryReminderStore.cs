using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Storage.Memory;

internal sealed class MemoryReminderStore : IReminderStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(GrainId, string), Row> _rows = [];

    public Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken)
    {
        var entry = new ReminderEntry(grainId, name, dueAt, period, Guid.NewGuid().ToString("N"));
        lock (_gate)
        {
            _rows[(grainId, name)] = new Row(entry, null, DateTimeOffset.MinValue);
        }

        return Task.FromResult(entry);
    }

    public Task RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows.Remove((grainId, name));
        }

        return Task.CompletedTask;
    }

    public Task<ReminderEntry?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, name), out var row) ? row.Entry : null);
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var claimed = new List<ReminderEntry>();
        lock (_gate)
        {
            foreach (var (key, row) in _rows.OrderBy(r => r.Value.Entry.DueAt))
            {
                if (claimed.Count >= max || row.Entry.DueAt > now)
                {
                    break;
                }

                if (row.LeaseOwner is not null && row.LeaseUntil > now)
                {
                    continue;
                }

                _rows[key] = row with { LeaseOwner = owner, LeaseUntil = now + lease };
                claimed.Add(row.Entry);
            }
        }

        return Task.FromResult<IReadOnlyList<ReminderEntry>>(claimed);
    }

    public Task CompleteAsync(ReminderEntry fired, DateTimeOffset? nextDue, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (fired.GrainId, fired.Name);
            if (_rows.TryGetValue(key, out var row) && row.Entry.Version == fired.Version)
            {
                if (nextDue is { } due)
                {
                    _rows[key] = new Row(row.Entry with { DueAt = due }, null, DateTimeOffset.MinValue);
                }
                else
                {
                    _rows.Remove(key);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var row in _rows.Values)
            {
                if (next is null || row.Entry.DueAt < next)
                {
                    next = row.Entry.DueAt;
                }
            }

            return Task.FromResult(next);
        }
    }

    private sealed record Row(ReminderEntry Entry, string? LeaseOwner, DateTimeOffset LeaseUntil);
}
