using System.Collections.Concurrent;
using Orleans.Storage;

namespace Acteon.Silo.Storage.Memory;

/// <summary>In-process grain state for tests and throwaway runs; same CAS rules as the durable stores.</summary>
internal sealed class MemoryGrainStateStore : IGrainStateStore
{
    private readonly ConcurrentDictionary<(StateKey, string), StoredState> _rows = new();
    private readonly ConcurrentDictionary<(StateKey, string), (string ETag, DateTimeOffset At)> _expiries = new();
    private long _version;

    public Task<StoredState?> ReadAsync(StateKey grainId, string stateName, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((grainId, stateName), out var row) ? row : null);

    public Task<string> WriteAsync(StateKey grainId, string stateName, byte[] data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var key = (grainId, stateName);
        var next = new StoredState(data.ToArray(), Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (expectedETag is null)
        {
            if (!_rows.TryAdd(key, next))
            {
                throw Conflict(grainId, stateName);
            }
        }
        else if (!_rows.TryGetValue(key, out var current) || current.ETag != expectedETag || !_rows.TryUpdate(key, next, current))
        {
            throw Conflict(grainId, stateName);
        }

        if (expiresAt is { } at)
        {
            _expiries[key] = (next.ETag, at);
        }
        else
        {
            _expiries.TryRemove(key, out _);
        }

        return Task.FromResult(next.ETag);
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var (key, expiry) in _expiries)
        {
            if (deleted >= max)
            {
                break;
            }

            if (expiry.At > now)
            {
                continue;
            }

            // Only the version that carried this expiry goes; a newer write keeps its row.
            if (_rows.TryGetValue(key, out var row) && row.ETag == expiry.ETag && _rows.TryRemove(new KeyValuePair<(StateKey, string), StoredState>(key, row)))
            {
                deleted++;
            }

            _expiries.TryRemove(new KeyValuePair<(StateKey, string), (string, DateTimeOffset)>(key, expiry));
        }

        return Task.FromResult(deleted);
    }

    public Task ClearAsync(StateKey grainId, string stateName, string? expectedETag, CancellationToken cancellationToken)
    {
        var key = (grainId, stateName);
        if (expectedETag is null)
        {
            return _rows.ContainsKey(key) ? throw Conflict(grainId, stateName) : Task.CompletedTask;
        }

        if (!_rows.TryGetValue(key, out var current) || current.ETag != expectedETag || !_rows.TryRemove(new KeyValuePair<(StateKey, string), StoredState>(key, current)))
        {
            throw Conflict(grainId, stateName);
        }

        return Task.CompletedTask;
    }

    private static InconsistentStateException Conflict(StateKey grainId, string stateName) =>
        new($"State '{stateName}' of {grainId} was changed by another writer.");
}
