using System.Collections.Concurrent;

namespace Acteon.Silo.Storage.Memory;

internal sealed class MemoryMembershipStore : IMembershipStore
{
    private readonly ConcurrentDictionary<string, MembershipEntry> _rows = new();

    public Task UpsertAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        _rows[entry.NodeId] = entry;
        return Task.CompletedTask;
    }

    public Task HeartbeatAsync(string nodeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _rows.AddOrUpdate(nodeId, _ => throw new InvalidOperationException($"Node {nodeId} is not registered."), (_, e) => e with { LastHeartbeat = at });
        return Task.CompletedTask;
    }

    public Task SetStatusAsync(string nodeId, string status, CancellationToken cancellationToken)
    {
        if (_rows.TryGetValue(nodeId, out var entry))
        {
            _rows[nodeId] = entry with { Status = status };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MembershipEntry>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MembershipEntry>>([.. _rows.Values.OrderBy(e => e.NodeId, StringComparer.Ordinal)]);
}
