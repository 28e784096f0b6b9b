using Acteon.Silo.Storage;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    // ---- reminders ----

    [Fact]
    public async Task UpsertAsync_NewReminder_GetReturnsIt()
    {
        var store = CreateReminderStore();

        var entry = await store.UpsertAsync(Grain, "r", T0, TimeSpan.FromMinutes(5), None);

        Assert.Equal(new ReminderEntry(Grain, "r", T0, TimeSpan.FromMinutes(5), entry.Version), entry);
        Assert.False(string.IsNullOrEmpty(entry.Version));
        Assert.Equal(entry, await store.GetAsync(Grain, "r", None));
        Assert.Null(await store.GetAsync(Grain, "other", None));
    }

    [Fact]
    public async Task UpsertAsync_ExistingClaimedReminder_ReplacesItWithANewVersionAndFreesTheLease()
    {
        var store = CreateReminderStore();
        var first = await store.UpsertAsync(Grain, "r", T0, TimeSpan.Zero, None);
        Assert.Single(await store.ClaimDueAsync(T0, "node-a", TimeSpan.FromMinutes(10), 10, None));

        var second = await store.UpsertAsync(Grain, "r", T0.AddSeconds(1), TimeSpan.FromSeconds(30), None);

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second, await store.GetAsync(Grain, "r", None));
        Assert.Equal([second], await store.ClaimDueAsync(T0.AddSeconds(1), "node-b", TimeSpan.FromMinutes(10), 10, None));
    }

    [Fact]
    public async Task RemoveAsync_Reminder_IsGoneAndRemovingAgainIsHarmless()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "r", T0, TimeSpan.Zero, None);

        await store.RemoveAsync(Grain, "r", None);
        await store.RemoveAsync(Grain, "r", None);

        Assert.Null(await store.GetAsync(Grain, "r", None));
        Assert.Empty(await store.ClaimDueAsync(T0.AddDays(1), "node", TimeSpan.FromMinutes(1), 10, None));
    }

    [Fact]
    public async Task ClaimDueAsync_MixedDueTimes_ReturnsOnlyRowsDueByNow()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "past", T0.AddSeconds(-1), TimeSpan.Zero, None);
        await store.UpsertAsync(Grain, "now", T0, TimeSpan.Zero, None);
        await store.UpsertAsync(Grain, "future", T0.AddSeconds(1), TimeSpan.Zero, None);

        var claimed = await store.ClaimDueAsync(T0, "node", TimeSpan.FromMinutes(1), 10, None);

        Assert.Equal(["now", "past"], claimed.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClaimDueAsync_MoreDueThanMax_ClaimsTheEarliest()
    {
        var store = CreateReminderStore();
        for (var i = 4; i >= 0; i--)
        {
            await store.UpsertAsync(Grain, $"r{i}", T0.AddSeconds(i), TimeSpan.Zero, None);
        }

        var first = await store.ClaimDueAsync(T0.AddMinutes(1), "node", TimeSpan.FromMinutes(1), 2, None);
        var rest = await store.ClaimDueAsync(T0.AddMinutes(1), "node", TimeSpan.FromMinutes(1), 10, None);

        Assert.Equal(["r0", "r1"], first.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["r2", "r3", "r4"], rest.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClaimDueAsync_ClaimedRow_NotClaimedAgainUntilItsLeaseEnds()
    {
        var store = CreateReminderStore();
        var entry = await store.UpsertAsync(Grain, "r", T0, TimeSpan.Zero, None);
        Assert.Equal([entry], await store.ClaimDueAsync(T0, "node-a", TimeSpan.FromSeconds(30), 10, None));

        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(29), "node-b", TimeSpan.FromSeconds(30), 10, None));
        Assert.Equal([entry], await store.ClaimDueAsync(T0.AddSeconds(31), "node-b", TimeSpan.FromSeconds(30), 10, None));
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(32), "node-a", TimeSpan.FromSeconds(30), 10, None));
    }

    [Fact]
    public async Task CompleteAsync_WithNextDue_MovesTheReminderAndFreesTheLease()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "r", T0, TimeSpan.FromMinutes(1), None);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, "node", TimeSpan.FromMinutes(10), 10, None));

        await store.CompleteAsync(claimed, T0.AddMinutes(1), None);

        Assert.Equal(claimed with { DueAt = T0.AddMinutes(1) }, await store.GetAsync(Grain, "r", None));
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(59), "node", TimeSpan.FromMinutes(10), 10, None));
        Assert.Single(await store.ClaimDueAsync(T0.AddMinutes(1), "other", TimeSpan.FromMinutes(10), 10, None));
    }

    [Fact]
    public async Task CompleteAsync_WithoutNextDue_DeletesTheReminder()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "r", T0, TimeSpan.Zero, None);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, "node", TimeSpan.FromMinutes(10), 10, None));

        await store.CompleteAsync(claimed, null, None);

        Assert.Null(await store.GetAsync(Grain, "r", None));
    }

    [Fact]
    public async Task CompleteAsync_ReminderReRegisteredMeanwhile_ChangesNothing()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "r", T0, TimeSpan.FromMinutes(1), None);
        var old = Assert.Single(await store.ClaimDueAsync(T0, "node", TimeSpan.FromMinutes(10), 10, None));
        var current = await store.UpsertAsync(Grain, "r", T0.AddHours(1), TimeSpan.FromMinutes(5), None);

        await store.CompleteAsync(old, T0.AddMinutes(1), None);
        await store.CompleteAsync(old, null, None);

        Assert.Equal(current, await store.GetAsync(Grain, "r", None));
    }

    [Fact]
    public async Task NextDueAsync_ReturnsTheEarliestDueTimeOrNull()
    {
        var store = CreateReminderStore();
        Assert.Null(await store.NextDueAsync(None));

        await store.UpsertAsync(Grain, "late", T0.AddHours(2), TimeSpan.Zero, None);
        await store.UpsertAsync(Grain with { Key = "k2" }, "early", T0.AddHours(1), TimeSpan.Zero, None);

        Assert.Equal(T0.AddHours(1), await store.NextDueAsync(None));
    }
}
