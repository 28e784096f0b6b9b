using System.Text;
using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Storage;
using Acteon.Silo.Storage.Memory;
using Acteon.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Acteon.Silo.Tests.Runtime;

public sealed class PersistentStateTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task WriteStateAsync_TwoSilosSharingAMemoryStore_LoserRetriesAndEveryCallCounts()
    {
        var store = new MemoryGrainStateStore();
        await using var a = TestSilo.Create(s => s.AddSingleton<IGrainStateStore>(store), configure: ManyRetries);
        await using var b = TestSilo.Create(s => s.AddSingleton<IGrainStateStore>(store), configure: ManyRetries);

        await IncrementFromBothAsync(a, b);

        var stored = await store.ReadAsync(new GrainId(CounterGrain.TypeName, "shared"), "counter", CancellationToken.None);
        Assert.Contains("\"Value\":100", Encoding.UTF8.GetString(stored!.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteStateAsync_TwoSilosSharingASqliteFile_LoserRetriesAndEveryCallCounts()
    {
        await using var a = TestSilo.OnSqlite(_database.Path, configure: ManyRetries);
        await using var b = TestSilo.OnSqlite(_database.Path, configure: ManyRetries);

        await IncrementFromBothAsync(a, b);

        await using var fresh = TestSilo.OnSqlite(_database.Path);
        Assert.Equal(100, await fresh.Grain<ICounterGrain>("shared").GetAsync());
    }

    [Fact]
    public async Task WriteStateAsync_EveryWriteConflicts_CallFailsWithInconsistentStateAfterMaxRetries()
    {
        var store = new AlwaysConflictingStore();
        await using var silo = TestSilo.Create(s => s.AddSingleton<IGrainStateStore>(store), configure: o => o.MaxConflictRetries = 3);
        var grain = silo.Grain<ICounterGrain>("doomed");

        await Assert.ThrowsAsync<InconsistentStateException>(grain.IncrementAsync);

        Assert.Equal(4, store.Writes);
        Assert.Equal(4, silo.Probe.Attempts);
        Assert.Equal(1 + 3 + 1, store.Reads);
        Assert.Equal(0, await grain.GetAsync());
        Assert.Equal(["doomed"], silo.Probe.Activated);
    }

    [Fact]
    public async Task ReadStateAsync_OnActivation_LoadsWhatIsStored()
    {
        IGrainStateStore store = new MemoryGrainStateStore();
        await store.WriteAsync(new GrainId(CounterGrain.TypeName, "seeded"), "counter", Encoding.UTF8.GetBytes("{\"Value\":41}"), null, CancellationToken.None);
        await using var silo = TestSilo.Create(s => s.AddSingleton<IGrainStateStore>(store));

        Assert.Equal(41, await silo.Grain<ICounterGrain>("seeded").GetAsync());
        Assert.Equal(42, await silo.Grain<ICounterGrain>("seeded").IncrementAsync());
    }

    [Fact]
    public async Task ReadOnActivationFalse_NothingStored_FirstWriteInsertsWithoutAnyRead()
    {
        var store = new CountingStore();
        await using var silo = TestSilo.Create(s => s.AddSingleton<IGrainStateStore>(store));

        Assert.Equal(1, await silo.Grain<ILazyCounterGrain>("new").IncrementAsync());
        Assert.Equal(2, await silo.Grain<ILazyCounterGrain>("new").IncrementAsync());

        Assert.Equal(0, store.Reads);
        Assert.Equal(2, silo.Probe.Attempts);
    }

    [Fact]
    public async Task ReadOnActivationFalse_RecordStored_InsertConflictsThenTheCallRetriesOnTheStoredState()
    {
        var store = new CountingStore();
        await ((IGrainStateStore)store).WriteAsync(new GrainId(LazyCounterGrain.TypeName, "seeded"), "counter", Encoding.UTF8.GetBytes("{\"Value\":41}"), null, CancellationToken.None);
        await using var silo = TestSilo.Create(s => s.AddSingleton<IGrainStateStore>(store));

        Assert.Equal(42, await silo.Grain<ILazyCounterGrain>("seeded").IncrementAsync());
        Assert.Equal(43, await silo.Grain<ILazyCounterGrain>("seeded").IncrementAsync());

        Assert.Equal(1, store.Reads);
        Assert.Equal(3, silo.Probe.Attempts);
        var stored = await store.ReadAsync(new GrainId(LazyCounterGrain.TypeName, "seeded"), "counter", CancellationToken.None);
        Assert.Contains("\"Value\":43", Encoding.UTF8.GetString(stored!.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteStateAsync_StoreFailsOnce_CallFailsAndTheActivationKeepsTheLastStoredState()
    {
        var store = new CountingStore();
        await using var silo = TestSilo.Create(s => s.AddSingleton<IGrainStateStore>(store));
        var counter = silo.Grain<ICounterGrain>("outage");
        var lazy = silo.Grain<ILazyCounterGrain>("outage");
        Assert.Equal(1, await counter.IncrementAsync());

        store.FailNextWrites = 2;
        await Assert.ThrowsAsync<StoreUnavailableException>(counter.IncrementAsync);
        await Assert.ThrowsAsync<StoreUnavailableException>(lazy.IncrementAsync);

        // Not 2 and 1: the values of the failed writes were never stored, so the activations must not keep them.
        Assert.Equal(1, await counter.GetAsync());
        Assert.Equal(2, await counter.IncrementAsync());
        Assert.Equal(1, await lazy.IncrementAsync());
    }

    [Fact]
    public async Task WriteStateAsync_StateSurvivesDeactivationAndReactivation()
    {
        await using var silo = TestSilo.OnSqlite(_database.Path);
        var grain = silo.Grain<ICounterGrain>("durable");
        for (var i = 0; i < 3; i++)
        {
            await grain.IncrementAsync();
        }

        await grain.DeactivateAsync();
        await Wait.ForAsync(silo.Probe.WhenAsync(p => p.DeactivationsOf("durable") == 1), "the counter grain to deactivate");

        Assert.Equal(3, await grain.GetAsync());
        Assert.Equal(2, silo.Probe.ActivationsOf("durable"));
    }

    [Fact]
    public async Task ClearStateAsync_ThenReactivate_StartsFromEmptyState()
    {
        await using var silo = TestSilo.OnSqlite(_database.Path);
        var grain = silo.Grain<ICounterGrain>("cleared");
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        await grain.ClearAsync();
        await grain.DeactivateAsync();
        await Wait.ForAsync(silo.Probe.WhenAsync(p => p.DeactivationsOf("cleared") == 1), "the counter grain to deactivate");

        Assert.Equal(0, await grain.GetAsync());
        Assert.Equal(1, await grain.IncrementAsync());
    }

    private static void ManyRetries(Silo.Runtime.SiloOptions options) => options.MaxConflictRetries = 1000;

    private static async Task IncrementFromBothAsync(TestSilo a, TestSilo b)
    {
        var onA = a.Grain<ICounterGrain>("shared");
        var onB = b.Grain<ICounterGrain>("shared");

        // Both activations load the empty state before either writes, so the second writer must lose at least once.
        Assert.Equal(0, await onA.GetAsync());
        Assert.Equal(0, await onB.GetAsync());
        var calls = Enumerable.Range(0, 50).SelectMany(_ => new[] { Task.Run(onA.IncrementAsync), Task.Run(onB.IncrementAsync) });
        var results = await Wait.ForAsync(Task.WhenAll(calls), "100 increments from two silos");

        Assert.Equal(Enumerable.Range(1, 100), results.Order());
        Assert.True(a.Probe.Attempts + b.Probe.Attempts > 100, "At least one write should have lost the compare-and-swap and been retried.");
        Assert.Equal(100, Math.Max(await onA.GetAsync(), await onB.GetAsync()));
    }

    /// <summary>A memory store that counts reads.</summary>
    private sealed class CountingStore : IGrainStateStore
    {
        private readonly MemoryGrainStateStore _inner = new();
        private int _reads;
        private int _failNextWrites;

        public int Reads => Volatile.Read(ref _reads);

        /// <summary>How many of the next writes fail as if the store were down.</summary>
        public int FailNextWrites
        {
            get => Volatile.Read(ref _failNextWrites);
            set => Volatile.Write(ref _failNextWrites, value);
        }

        public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return _inner.ReadAsync(grainId, stateName, cancellationToken);
        }

        public Task<string> WriteAsync(GrainId grainId, string stateName, byte[] data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _failNextWrites) >= 0
                ? Task.FromException<string>(new StoreUnavailableException("the test store is down"))
                : _inner.WriteAsync(grainId, stateName, data, expectedETag, expiresAt, cancellationToken);

        public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken) =>
            _inner.ClearAsync(grainId, stateName, expectedETag, cancellationToken);

        public Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
            _inner.DeleteExpiredAsync(now, max, cancellationToken);
    }

    private sealed class AlwaysConflictingStore : IGrainStateStore
    {
        private int _reads;
        private int _writes;

        public int Reads => Volatile.Read(ref _reads);

        public int Writes => Volatile.Read(ref _writes);

        public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult<StoredState?>(null);
        }

        public Task<string> WriteAsync(GrainId grainId, string stateName, byte[] data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _writes);
            throw new InconsistentStateException($"{grainId} always loses.");
        }

        public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken) =>
            throw new InconsistentStateException($"{grainId} always loses.");

        public Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
