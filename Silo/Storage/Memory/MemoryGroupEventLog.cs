using System.Collections.Concurrent;
using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Silo.Storage.Memory;

internal sealed class MemoryGroupEventLog : IGroupEventLog
{
    private readonly ConcurrentDictionary<(string Key, string LogId, string EventId), GroupEventRecord> _rows = new();

    public Task AppendAsync(string grainKey, string logId, IReadOnlyList<GroupEventRecord> events, CancellationToken cancellationToken)
    {
        foreach (var record in events)
        {
            _rows.TryAdd((grainKey, logId, record.EventId), record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GroupEventRecord>> ReadAsync(string grainKey, string logId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupEventRecord>>([.. _rows
            .Where(r => r.Key.Key == grainKey && r.Key.LogId == logId)
            .Select(r => r.Value)
            .OrderBy(r => r.Seq).ThenBy(r => r.EventId, StringComparer.Ordinal)]);

    public Task DeleteAsync(string grainKey, string? keepLogId, CancellationToken cancellationToken)
    {
        foreach (var key in _rows.Keys.Where(k => k.Key == grainKey && k.LogId != keepLogId))
        {
            _rows.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }
}
