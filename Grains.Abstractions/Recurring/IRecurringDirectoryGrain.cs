namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>Lists a tenant's recurring actions from the index (a stateless worker per silo, key <see cref="LocalKey"/>), so a client-only gateway can list too.</summary>
[Alias("acteon.recurring-directory")]
public interface IRecurringDirectoryGrain : IGrainWithStringKey
{
    public const string LocalKey = "local";

    [Alias("ListAsync")]
    Task<IReadOnlyList<RecurringDetail>> ListAsync(string ns, string tenant, bool? enabled);
}
