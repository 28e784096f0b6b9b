using Acteon.Silo.Tests.Support;
using Xunit;

namespace Acteon.Silo.Tests.Runtime;

public sealed class GrainCatalogTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public Task InitializeAsync()
    {
        _silo = TestSilo.InMemory(configure: o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(2);
            o.MaxActivations = 100;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_ManyConcurrentCallsToOneGrain_RunOneTurnAtATime()
    {
        var grain = _silo.Grain<ITurnGrain>("one");

        var calls = Enumerable.Range(0, 200).Select(i => Task.Run(() => grain.RecordAsync(i))).ToList();
        var results = await Wait.ForAsync(Task.WhenAll(calls), "200 concurrent calls to finish");

        Assert.Equal(Enumerable.Range(0, 200), results);
        Assert.Equal(Enumerable.Range(0, 200), _silo.Probe.Recorded.Order());
        Assert.Equal(1, _silo.Probe.MaxConcurrentTurns);
    }

    [Fact]
    public async Task InvokeAsync_CallsEnqueuedInSequence_RunInArrivalOrder()
    {
        var grain = _silo.Grain<ITurnGrain>("ordered");

        var calls = new List<Task<int>>();
        for (var i = 0; i < 100; i++)
        {
            calls.Add(grain.RecordAsync(i));
        }

        await Wait.ForAsync(Task.WhenAll(calls), "100 calls to finish");
        Assert.Equal(Enumerable.Range(0, 100), _silo.Probe.Recorded);
    }

    [Fact]
    public async Task InvokeAsync_OneGrainBlocked_OtherGrainsStillRun()
    {
        var blocked = _silo.Grain<ITurnGrain>("blocked").WaitAsync();

        var other = await Wait.ForAsync(_silo.Grain<ITurnGrain>("free").PingAsync(), "a call to another grain while the first is blocked");
        var sameGrainBehind = _silo.Grain<ITurnGrain>("blocked").PingAsync();

        Assert.Equal("free", other);
        Assert.False(blocked.IsCompleted);
        Assert.False(sameGrainBehind.IsCompleted);
        _silo.Probe.Gate("blocked").SetResult();
        Assert.Equal("blocked", await Wait.ForAsync(blocked, "the blocked call to finish once its gate opened"));
        Assert.Equal("blocked", await Wait.ForAsync(sameGrainBehind, "the call queued behind the blocked one"));
    }

    [Fact]
    public async Task InvokeAsync_FirstCall_ActivatesTheGrainOnce()
    {
        var grain = _silo.Grain<ITurnGrain>("lazy");
        Assert.Equal(0, _silo.Catalog.Count);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(grain.PingAsync)));

        Assert.Equal(["lazy"], _silo.Probe.Activated);
        Assert.Equal(1, _silo.Catalog.Count);
        Assert.Equal(1, _silo.Catalog.CountByType()[TurnGrain.TypeName]);
    }

    [Fact]
    public async Task InvokeAsync_GrainMethodThrows_CallerGetsTheExceptionAndGrainKeepsWorking()
    {
        var grain = _silo.Grain<ITurnGrain>("thrower");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("boom"));

        Assert.Equal("boom", error.Message);
        Assert.Equal("thrower", await grain.PingAsync());
        Assert.Equal(7, await grain.RecordAsync(7));
        Assert.Equal(["thrower"], _silo.Probe.Activated);
    }

    [Fact]
    public async Task CollectAsync_IdleLongerThanIdleTimeout_DeactivatesAndNextCallReactivates()
    {
        var grain = _silo.Grain<ITurnGrain>("idle");
        await grain.PingAsync();

        await CollectUntilAsync(expectedCount: 0, advanceEachTry: TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        Assert.Equal(["idle"], _silo.Probe.Deactivated);
        Assert.Equal("idle", await grain.PingAsync());
        Assert.Equal(["idle", "idle"], _silo.Probe.Activated);
        Assert.Equal(1, _silo.Catalog.Count);
    }

    [Fact]
    public async Task CollectAsync_UsedWithinIdleTimeout_KeepsTheActivation()
    {
        var grain = _silo.Grain<ITurnGrain>("busy");
        await grain.PingAsync();

        _silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await grain.PingAsync();
        _silo.Clock.Advance(TimeSpan.FromMinutes(1.5));
        await _silo.Catalog.CollectAsync();

        Assert.Equal(1, _silo.Catalog.Count);
        Assert.Empty(_silo.Probe.Deactivated);
    }

    [Fact]
    public async Task CollectAsync_MoreActivationsThanTheBound_DeactivatesLeastRecentlyUsedDownToTheBound()
    {
        for (var i = 0; i < 1000; i++)
        {
            await _silo.Grain<ITurnGrain>($"key-{i}").PingAsync();
            _silo.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(1000, _silo.Catalog.Count);
        await _silo.Catalog.CollectAsync();

        Assert.InRange(_silo.Catalog.Count, 1, 100);
        Assert.InRange(_silo.Probe.Deactivated.Count, 900, 1000);
        Assert.DoesNotContain("key-999", _silo.Probe.Deactivated);
        Assert.Contains("key-0", _silo.Probe.Deactivated);
    }

    [Fact]
    public async Task DeactivateOnIdle_AfterTheTurn_DeactivatesAndNextCallReactivates()
    {
        var grain = _silo.Grain<ITurnGrain>("bye");
        await grain.PingAsync();

        await grain.DeactivateAsync();
        await Wait.ForAsync(_silo.Probe.WhenAsync(p => p.DeactivationsOf("bye") == 1), "OnDeactivateAsync after DeactivateOnIdle");

        Assert.Equal(0, _silo.Catalog.Count);
        Assert.Equal("bye", await grain.PingAsync());
        Assert.Equal(2, _silo.Probe.ActivationsOf("bye"));
    }

    [Fact]
    public async Task DeactivateOnIdle_CallsQueuedBehind_RunBeforeTheActivationCloses()
    {
        var grain = _silo.Grain<ITurnGrain>("queued");
        var gate = grain.WaitAsync();
        var deactivate = grain.DeactivateAsync();
        var behind = Enumerable.Range(0, 10).Select(grain.RecordAsync).ToList();

        _silo.Probe.Gate("queued").SetResult();
        await Wait.ForAsync(Task.WhenAll([gate, deactivate, .. behind]), "the queued calls to finish");
        await Wait.ForAsync(_silo.Probe.WhenAsync(p => p.DeactivationsOf("queued") == 1), "the deactivation once the queue drained");

        Assert.Equal(Enumerable.Range(0, 10), _silo.Probe.Recorded);
        Assert.Equal(1, _silo.Probe.ActivationsOf("queued"));
    }

    [Fact]
    public async Task DeactivateAllAsync_LiveActivations_DeactivatesEveryOne()
    {
        foreach (var key in new[] { "a", "b", "c" })
        {
            await _silo.Grain<ITurnGrain>(key).PingAsync();
        }

        await Wait.UntilAsync(async () =>
        {
            await _silo.Catalog.DeactivateAllAsync();
            return _silo.Catalog.Count == 0;
        }, "every activation to be deactivated");

        Assert.Equal(["a", "b", "c"], _silo.Probe.Deactivated.Order());
    }

    /// <summary>A call's result is delivered just before its turn ends, so collection may need another try.</summary>
    private Task CollectUntilAsync(int expectedCount, TimeSpan advanceEachTry) =>
        Wait.UntilAsync(async () =>
        {
            _silo.Clock.Advance(advanceEachTry);
            await _silo.Catalog.CollectAsync();
            return _silo.Catalog.Count == expectedCount;
        }, $"collection to leave {expectedCount} activations");
}
