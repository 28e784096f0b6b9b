using Acteon.Grains.Abstractions.Audit;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    // ---- audit restricted to a caller's grants ----

    [Fact]
    public async Task QueryAsync_Scopes_TenantSubtreesAndListsOnly_TotalCountsThemOnly()
    {
        var store = CreateAuditStore();
        AuditRecord[] records =
        [
            Audit("s1", 1) with { Tenant = "acme" },
            Audit("s2", 2) with { Tenant = "acme.eu" },
            Audit("s3", 3) with { Tenant = "acme.eu.paris", Provider = "sms" },
            Audit("s4", 4) with { Tenant = "acme-corp" },
            Audit("s5", 5) with { Tenant = "acm" },
            Audit("s6", 6) with { Tenant = "globex", Namespace = "billing" },
            Audit("s7", 7) with { Tenant = "globex", Namespace = "ns" },
            Audit("s8", 8) with { Tenant = "a%b.x" },
        ];
        await store.AppendAsync(records, None);

        async Task<string[]> Ids(params AuditScope[] scopes) =>
            [.. (await store.QueryAsync(new AuditQuery { Scopes = scopes }, None)).Records.Select(r => r.Id).Order(StringComparer.Ordinal)];

        Assert.Equal(["s1", "s2", "s3"], await Ids(new AuditScope(["acme"], null, null, null)));
        Assert.Equal(["s2", "s3"], await Ids(new AuditScope(["acme.eu"], null, null, null)));
        Assert.Equal(["s1", "s2"], await Ids(new AuditScope(["acme"], ["ns"], ["email"], ["send"])));
        Assert.Equal(["s2", "s3", "s6"], await Ids(new AuditScope(["acme.eu"], null, null, null), new AuditScope(["globex"], ["billing"], null, null)));
        Assert.Equal(["s8"], await Ids(new AuditScope(["a%b"], null, null, null)));
        Assert.Empty(await Ids());
        var page = await store.QueryAsync(new AuditQuery { Scopes = [new AuditScope(["acme"], null, null, null)], Limit = 1 }, None);
        Assert.Equal(3, page.Total);
        Assert.Equal(8, (await store.QueryAsync(new AuditQuery { Scopes = [new AuditScope(null, null, null, null)] }, None)).Total);
    }
}
