namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>
/// Which recurring actions a namespace and tenant have (a table in the store): listing reads it instead of every
/// grain. The grain's state is the truth; an entry whose grain has no state (a delete that failed half-way) is
/// skipped when listing.
/// </summary>
public interface IRecurringIndex
{
    Task UpsertAsync(string ns, string tenant, string id, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task DeleteAsync(string ns, string tenant, string id, CancellationToken cancellationToken);

    /// <summary>The ids of the namespace and tenant, oldest first.</summary>
    Task<IReadOnlyList<string>> ListAsync(string ns, string tenant, CancellationToken cancellationToken);
}
