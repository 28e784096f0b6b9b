using System.Text.Json.Serialization.Metadata;
using Acteon.Grains.Abstractions.Storage;
using Acteon.Silo.Storage;
using Orleans.Storage;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    // ---- Orleans grain storage (IGrainStorage) on the backend's state store ----

    private static readonly GrainId OrleansGrain = GrainId.Create("conformance", "ns:tenant:key");

    private ActeonGrainStorage CreateGrainStorage(IGrainStateStore? store = null) =>
        new ActeonGrainStorage(store ?? CreateGrainStateStore(), new GrainStateSerializer([new DefaultJsonTypeInfoResolver()]));

    [Fact]
    public async Task GrainStorage_ReadNothingStored_GivesEmptyStateWithoutETag()
    {
        var state = new GrainState<Counter>();

        await CreateGrainStorage().ReadStateAsync("counter", OrleansGrain, state);

        Assert.Equal((0, null, false), (state.State!.Value, state.ETag, state.RecordExists));
    }

    [Fact]
    public async Task GrainStorage_WriteThenRead_RoundTripsStateAndETag()
    {
        var storage = CreateGrainStorage();
        var written = new GrainState<Counter> { State = new Counter { Value = 7 } };
        await storage.WriteStateAsync("counter", OrleansGrain, written);

        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", OrleansGrain, read);

        Assert.Equal((7, written.ETag, true), (read.State!.Value, read.ETag, read.RecordExists));
    }

    [Fact]
    public async Task GrainStorage_WriteWithStaleETag_ThrowsInconsistentStateException()
    {
        var storage = CreateGrainStorage();
        var first = new GrainState<Counter>();
        var second = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", OrleansGrain, first);
        await storage.ReadStateAsync("counter", OrleansGrain, second);
        first.State = new Counter { Value = 1 };
        await storage.WriteStateAsync("counter", OrleansGrain, first);

        second.State = new Counter { Value = 2 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", OrleansGrain, second));

        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", OrleansGrain, read);
        Assert.Equal(1, read.State!.Value);
    }

    [Fact]
    public async Task GrainStorage_ClearWithStaleETag_ThrowsAndKeepsTheState()
    {
        var storage = CreateGrainStorage();
        var state = new GrainState<Counter> { State = new Counter { Value = 1 } };
        await storage.WriteStateAsync("counter", OrleansGrain, state);
        var stale = new GrainState<Counter> { ETag = state.ETag };
        await storage.WriteStateAsync("counter", OrleansGrain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("counter", OrleansGrain, stale));
        await storage.ClearStateAsync("counter", OrleansGrain, state);

        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", OrleansGrain, read);
        Assert.Equal((0, false), (read.State!.Value, read.RecordExists));
    }

    [Fact]
    public async Task GrainStorage_ExpiringState_IsDeletedOnceExpired()
    {
        var store = CreateGrainStateStore();
        var storage = CreateGrainStorage(store);
        await storage.WriteStateAsync("seen", OrleansGrain, new GrainState<Seen> { State = new Seen { Until = T0 } });
        await storage.WriteStateAsync("seen", GrainId.Create("conformance", "later"), new GrainState<Seen> { State = new Seen { Until = T0.AddHours(1) } });

        Assert.Equal(1, await store.DeleteExpiredAsync(T0, 100, None));

        var read = new GrainState<Seen>();
        await storage.ReadStateAsync("seen", OrleansGrain, read);
        Assert.False(read.RecordExists);
    }

    public sealed record Counter
    {
        public int Value { get; init; }
    }

    public sealed record Seen : IExpiringState
    {
        public DateTimeOffset Until { get; init; }

        public DateTimeOffset? ExpiresAt => Until;
    }
}
