using Acteon.Grains.Abstractions.Recurring;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    protected abstract IRecurringIndex CreateRecurringIndex();

    [Fact]
    public async Task RecurringIndex_UpsertListDelete_ByNamespaceAndTenantOldestFirst()
    {
        var index = CreateRecurringIndex();
        var tenant = "t-" + Guid.NewGuid().ToString("N");
        await index.UpsertAsync("ns", tenant, "b", T0.AddMinutes(2), None);
        await index.UpsertAsync("ns", tenant, "a", T0.AddMinutes(1), None);
        await index.UpsertAsync("ns", tenant, "c", T0.AddMinutes(1), None);
        await index.UpsertAsync("ns", tenant, "a", T0.AddMinutes(9), None);
        await index.UpsertAsync("ns", tenant + "-other", "x", T0, None);
        await index.UpsertAsync("ns-other", tenant, "y", T0, None);

        Assert.Equal(["a", "c", "b"], await index.ListAsync("ns", tenant, None));

        await index.DeleteAsync("ns", tenant, "c", None);
        await index.DeleteAsync("ns", tenant, "missing", None);

        Assert.Equal(["a", "b"], await index.ListAsync("ns", tenant, None));
        Assert.Equal(["x"], await index.ListAsync("ns", tenant + "-other", None));
        Assert.Empty(await index.ListAsync("ns", "nobody-" + tenant, None));
    }
}
