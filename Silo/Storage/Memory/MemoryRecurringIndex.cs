using System.Collections.Concurrent;
using Acteon.Grains.Abstractions.Recurring;

namespace Acteon.Silo.Storage.Memory;

internal sealed class MemoryRecurringIndex : IRecurringIndex
{
    private readonly ConcurrentDictionary<(string Namespace, string Tenant, string Id), DateTimeOffset> _entries = new();

    public Task UpsertAsync(string ns, string tenant, string id, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        _entries.TryAdd((ns, tenant, id), createdAt);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string ns, string tenant, string id, CancellationToken cancellationToken)
    {
        _entries.TryRemove((ns, tenant, id), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string ns, string tenant, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_entries
            .Where(e => e.Key.Namespace == ns && e.Key.Tenant == tenant)
            .OrderBy(e => e.Value).ThenBy(e => e.Key.Id, StringComparer.Ordinal)
            .Select(e => e.Key.Id)
            .ToList());
}
