using Acteon.Silo.Storage;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    // ---- membership ----

    [Fact]
    public async Task UpsertAsync_Membership_ListReturnsRowsOrderedByNodeId()
    {
        var store = CreateMembershipStore();
        var b = new MembershipEntry("node-b", "10.0.0.2", T0, T0, "active");
        var a = new MembershipEntry("node-a", "10.0.0.1", T0.AddMinutes(1), T0.AddMinutes(1), "active");

        await store.UpsertAsync(b, None);
        await store.UpsertAsync(a, None);

        Assert.Equal([a, b], await store.ListAsync(None));
    }

    [Fact]
    public async Task UpsertAsync_ExistingNode_ReplacesTheRow()
    {
        var store = CreateMembershipStore();
        await store.UpsertAsync(new MembershipEntry("node", "10.0.0.1", T0, T0.AddSeconds(5), "dead"), None);
        var restarted = new MembershipEntry("node", "10.0.0.9", T0.AddHours(1), T0.AddHours(1), "active");

        await store.UpsertAsync(restarted, None);

        Assert.Equal([restarted], await store.ListAsync(None));
    }

    [Fact]
    public async Task HeartbeatAsync_RegisteredNode_UpdatesOnlyTheHeartbeat()
    {
        var store = CreateMembershipStore();
        var entry = new MembershipEntry("node", "10.0.0.1", T0, T0, "active");
        await store.UpsertAsync(entry, None);

        await store.HeartbeatAsync("node", T0.AddSeconds(5), None);

        Assert.Equal([entry with { LastHeartbeat = T0.AddSeconds(5) }], await store.ListAsync(None));
    }

    [Fact]
    public async Task SetStatusAsync_RegisteredNode_UpdatesOnlyTheStatus()
    {
        var store = CreateMembershipStore();
        var entry = new MembershipEntry("node", "10.0.0.1", T0, T0, "active");
        await store.UpsertAsync(entry, None);

        await store.SetStatusAsync("node", "dead", None);
        await store.SetStatusAsync("unknown", "dead", None);

        Assert.Equal([entry with { Status = "dead" }], await store.ListAsync(None));
    }
}
