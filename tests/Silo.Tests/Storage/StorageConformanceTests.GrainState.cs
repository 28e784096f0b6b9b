using Acteon.Silo.Storage;
using Orleans.Storage;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    // ---- grain state ----

    [Fact]
    public async Task WriteAsync_ManyAtOnceSomeConflicting_EachGetsItsOwnAnswer()
    {
        var store = CreateGrainStateStore();
        var existing = Enumerable.Range(0, 10).Select(i => new StateKey("conformance", $"many-{i}")).ToArray();
        var etags = await Task.WhenAll(existing.Select(id => store.WriteAsync(id, "state", Bytes("old"), null, None)));

        // 40 inserts of new keys, 10 inserts over stored keys (conflicts), 10 updates with the right ETag.
        var inserts = Enumerable.Range(10, 40).Select(i => Task.Run(() => store.WriteAsync(new StateKey("conformance", $"many-{i}"), "state", Bytes("new"), null, None)));
        var conflicting = existing.Select(id => Task.Run(() => store.WriteAsync(id, "state", Bytes("lost"), null, None)));
        var updates = existing.Select((id, i) => Task.Run(() => store.WriteAsync(id, "state", Bytes("updated"), etags[i], None)));
        var all = inserts.Concat(conflicting).Concat(updates).ToArray();
        await Task.WhenAll(all.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.All(all[..40], t => Assert.True(t.IsCompletedSuccessfully));
        Assert.All(all[40..50], t => Assert.IsType<InconsistentStateException>(t.Exception?.InnerException));
        Assert.All(all[50..], t => Assert.True(t.IsCompletedSuccessfully));
        foreach (var id in existing)
        {
            Assert.Equal("updated", Text((await store.ReadAsync(id, "state", None))!.Data));
        }

        Assert.Equal("new", Text((await store.ReadAsync(new StateKey("conformance", "many-49"), "state", None))!.Data));
    }

    [Fact]
    public async Task DeleteExpiredAsync_RemovesOnlyRowsPastTheirExpiry()
    {
        var store = CreateGrainStateStore();
        StateKey expired = new("conformance", "expired"), later = new("conformance", "later"), forever = new("conformance", "forever");
        await store.WriteAsync(expired, "state", Bytes("a"), null, T0.AddMinutes(-1), None);
        await store.WriteAsync(later, "state", Bytes("b"), null, T0.AddMinutes(1), None);
        await store.WriteAsync(forever, "state", Bytes("c"), null, None);

        var deleted = await store.DeleteExpiredAsync(T0, 100, None);

        Assert.Equal(1, deleted);
        Assert.Null(await store.ReadAsync(expired, "state", None));
        Assert.NotNull(await store.ReadAsync(later, "state", None));
        Assert.NotNull(await store.ReadAsync(forever, "state", None));
    }

    [Fact]
    public async Task DeleteExpiredAsync_RowRewrittenWithoutExpiry_IsKept()
    {
        var store = CreateGrainStateStore();
        var etag = await store.WriteAsync(Grain, "state", Bytes("a"), null, T0.AddMinutes(-1), None);
        await store.WriteAsync(Grain, "state", Bytes("b"), etag, null, None);

        Assert.Equal(0, await store.DeleteExpiredAsync(T0, 100, None));
        Assert.Equal("b", Text((await store.ReadAsync(Grain, "state", None))!.Data));
    }

    [Fact]
    public async Task DeleteExpiredAsync_AfterDelete_StaleETagConflictsAndInsertWorks()
    {
        var store = CreateGrainStateStore();
        var etag = await store.WriteAsync(Grain, "state", Bytes("a"), null, T0.AddMinutes(-1), None);
        await store.DeleteExpiredAsync(T0, 100, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("b"), etag, None));
        Assert.False(string.IsNullOrEmpty(await store.WriteAsync(Grain, "state", Bytes("c"), null, None)));
    }

    [Fact]
    public async Task DeleteExpiredAsync_RespectsTheBatchLimit()
    {
        var store = CreateGrainStateStore();
        for (var i = 0; i < 5; i++)
        {
            await store.WriteAsync(new StateKey("conformance", $"k{i}"), "state", Bytes("x"), null, T0.AddMinutes(-1), None);
        }

        Assert.Equal(3, await store.DeleteExpiredAsync(T0, 3, None));
        Assert.Equal(2, await store.DeleteExpiredAsync(T0, 3, None));
    }

    [Fact]
    public async Task ReadAsync_NothingStored_ReturnsNull()
    {
        var store = CreateGrainStateStore();

        Assert.Null(await store.ReadAsync(Grain, "state", None));
    }

    [Fact]
    public async Task WriteAsync_NullETagOnMissingRow_InsertsAndReturnsTheStoredETag()
    {
        var store = CreateGrainStateStore();

        var etag = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);

        var stored = await store.ReadAsync(Grain, "state", None);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal("one", Text(stored!.Data));
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task WriteAsync_NullETagOnExistingRow_ThrowsAndKeepsTheRow()
    {
        var store = CreateGrainStateStore();
        var etag = await store.WriteAsync(Grain, "state", Bytes("first"), null, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("second"), null, None));

        var stored = await store.ReadAsync(Grain, "state", None);
        Assert.Equal("first", Text(stored!.Data));
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task WriteAsync_CurrentETag_UpdatesAndChangesTheETag()
    {
        var store = CreateGrainStateStore();
        var first = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);

        var second = await store.WriteAsync(Grain, "state", Bytes("two"), first, None);

        Assert.NotEqual(first, second);
        var stored = await store.ReadAsync(Grain, "state", None);
        Assert.Equal("two", Text(stored!.Data));
        Assert.Equal(second, stored.ETag);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsAndKeepsTheNewerWrite()
    {
        var store = CreateGrainStateStore();
        var first = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);
        var second = await store.WriteAsync(Grain, "state", Bytes("two"), first, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("stale"), first, None));

        var stored = await store.ReadAsync(Grain, "state", None);
        Assert.Equal("two", Text(stored!.Data));
        Assert.Equal(second, stored.ETag);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("not-an-etag")]
    public async Task WriteAsync_ETagButNothingStored_Throws(string etag)
    {
        var store = CreateGrainStateStore();

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("x"), etag, None));

        Assert.Null(await store.ReadAsync(Grain, "state", None));
    }

    [Fact]
    public async Task WriteAsync_ETagFromBeforeAClearAndReinsert_Throws()
    {
        var store = CreateGrainStateStore();
        var old = await store.WriteAsync(Grain, "state", Bytes("old"), null, None);
        await store.ClearAsync(Grain, "state", old, None);
        await store.WriteAsync(Grain, "state", Bytes("new"), null, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("lost update"), old, None));

        Assert.Equal("new", Text((await store.ReadAsync(Grain, "state", None))!.Data));
    }

    [Fact]
    public async Task WriteAsync_KeysDifferInTypeKeyOrStateName_AreSeparateRows()
    {
        var store = CreateGrainStateStore();
        await store.WriteAsync(Grain, "a", Bytes("a"), null, None);
        await store.WriteAsync(Grain, "b", Bytes("b"), null, None);
        await store.WriteAsync(Grain with { Key = "other" }, "a", Bytes("other key"), null, None);
        await store.WriteAsync(Grain with { Type = "other" }, "a", Bytes("other type"), null, None);

        Assert.Equal("a", Text((await store.ReadAsync(Grain, "a", None))!.Data));
        Assert.Equal("b", Text((await store.ReadAsync(Grain, "b", None))!.Data));
        Assert.Equal("other key", Text((await store.ReadAsync(Grain with { Key = "other" }, "a", None))!.Data));
        Assert.Equal("other type", Text((await store.ReadAsync(Grain with { Type = "other" }, "a", None))!.Data));
    }

    [Fact]
    public async Task ClearAsync_CurrentETag_DeletesTheRow()
    {
        var store = CreateGrainStateStore();
        var etag = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);

        await store.ClearAsync(Grain, "state", etag, None);

        Assert.Null(await store.ReadAsync(Grain, "state", None));
        Assert.False(string.IsNullOrEmpty(await store.WriteAsync(Grain, "state", Bytes("again"), null, None)));
    }

    [Fact]
    public async Task ClearAsync_StaleETag_ThrowsAndKeepsTheRow()
    {
        var store = CreateGrainStateStore();
        var first = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);
        await store.WriteAsync(Grain, "state", Bytes("two"), first, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(Grain, "state", first, None));

        Assert.Equal("two", Text((await store.ReadAsync(Grain, "state", None))!.Data));
    }

    [Fact]
    public async Task ClearAsync_NullETag_SucceedsWhenMissingAndThrowsWhenStored()
    {
        var store = CreateGrainStateStore();

        await store.ClearAsync(Grain, "state", null, None);
        await store.WriteAsync(Grain, "state", Bytes("one"), null, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(Grain, "state", null, None));
        Assert.NotNull(await store.ReadAsync(Grain, "state", None));
    }
}
