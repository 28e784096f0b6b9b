using Acteon.Silo.Tests.Support;
using Xunit;

namespace Acteon.Silo.Tests.Runtime;

public sealed class ActivationTests : IAsyncLifetime
{
    private readonly TestSilo _silo = TestSilo.InMemory();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task RegisterTimer_ClockPassesDueTimeAndPeriods_TicksRunAsTurns()
    {
        var grain = _silo.Grain<ITurnGrain>("timed");
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        _silo.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(_silo.Probe.TimerTicks);
        var calls = Enumerable.Range(0, 20).Select(grain.RecordAsync).ToList();
        _silo.Clock.Advance(TimeSpan.FromSeconds(1));
        await Wait.ForAsync(_silo.Probe.WhenAsync(p => p.TimerTicks.Count == 1), "the first timer tick at 10 s");
        _silo.Clock.Advance(TimeSpan.FromSeconds(20));
        await Wait.ForAsync(_silo.Probe.WhenAsync(p => p.TimerTicks.Count == 3), "two more ticks at 20 s and 30 s");
        await Wait.ForAsync(Task.WhenAll(calls), "the calls that ran beside the timer");

        Assert.Equal(1, _silo.Probe.MaxConcurrentTurns);
        Assert.Equal(["timed"], _silo.Probe.Activated);
    }

    [Fact]
    public async Task RegisterTimer_OneShot_TicksOnce()
    {
        var grain = _silo.Grain<ITurnGrain>("once");
        await grain.StartTimerAsync(TimeSpan.FromSeconds(5), TimeSpan.Zero);

        _silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await Wait.ForAsync(_silo.Probe.WhenAsync(p => p.TimerTicks.Count == 1), "the one-shot timer tick");

        Assert.Equal(0, _silo.Clock.PendingTimers);
        Assert.Equal("once", await grain.PingAsync());
        Assert.Single(_silo.Probe.TimerTicks);
    }

    [Fact]
    public async Task RegisterTimer_AfterDeactivation_TimerIsGoneAndDoesNotReactivate()
    {
        var grain = _silo.Grain<ITurnGrain>("short-lived");
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        _silo.Clock.Advance(TimeSpan.FromSeconds(10));
        await Wait.ForAsync(_silo.Probe.WhenAsync(p => p.TimerTicks.Count == 1), "the first timer tick");

        await grain.DeactivateAsync();
        await Wait.ForAsync(_silo.Probe.WhenAsync(p => p.DeactivationsOf("short-lived") == 1), "the grain to deactivate");
        _silo.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, _silo.Clock.PendingTimers);
        Assert.Single(_silo.Probe.TimerTicks);
        Assert.Equal(0, _silo.Catalog.Count);
        Assert.Equal(1, _silo.Probe.ActivationsOf("short-lived"));
    }
}
