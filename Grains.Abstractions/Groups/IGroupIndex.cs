namespace Acteon.Grains.Abstractions.Groups;

/// <summary>
/// The live group keys of a namespace and tenant (a table in the store, one row per group): a group's start and end
/// write its own row, and listing reads one page of rows, not every grain. Adds and removes are idempotent.
/// </summary>
public interface IGroupIndex
{
    Task AddAsync(string ns, string tenant, string groupKey, CancellationToken cancellationToken);

    Task RemoveAsync(string ns, string tenant, string groupKey, CancellationToken cancellationToken);

    /// <summary>A page of the scope's group keys in key order (ordinal), and how many there are.</summary>
    Task<IndexPage> ListAsync(string ns, string tenant, int offset, int limit, CancellationToken cancellationToken);
}
