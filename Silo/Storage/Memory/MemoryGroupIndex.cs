using System.Collections.Concurrent;
using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Silo.Storage.Memory;

internal sealed class MemoryGroupIndex : IGroupIndex
{
    private readonly ConcurrentDictionary<(string Namespace, string Tenant, string Key), bool> _keys = new();

    public Task AddAsync(string ns, string tenant, string groupKey, CancellationToken cancellationToken)
    {
        _keys.TryAdd((ns, tenant, groupKey), true);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string ns, string tenant, string groupKey, CancellationToken cancellationToken)
    {
        _keys.TryRemove((ns, tenant, groupKey), out _);
        return Task.CompletedTask;
    }

    public Task<IndexPage> ListAsync(string ns, string tenant, int offset, int limit, CancellationToken cancellationToken)
    {
        var keys = _keys.Keys.Where(k => k.Namespace == ns && k.Tenant == tenant).Select(k => k.Key).Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(new IndexPage([.. keys.Skip(offset).Take(limit)], keys.Count));
    }
}
