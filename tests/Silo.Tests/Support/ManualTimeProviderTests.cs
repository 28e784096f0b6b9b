using Xunit;

namespace Acteon.Silo.Tests.Support;

public sealed class ManualTimeProviderTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Advance_MovesUtcNowAndTimestampTogether()
    {
        var start = _clock.GetTimestamp();

        _clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(ManualTimeProvider.DefaultStart.AddSeconds(90), _clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), _clock.GetElapsedTime(start));
    }

    [Fact]
    public async Task TaskDelay_ClockAdvancedPastDueTime_Completes()
    {
        var delay = Task.Delay(TimeSpan.FromSeconds(10), _clock);

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(delay.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await Wait.ForAsync(delay, "the 10 s delay to complete once 10 s passed");
    }

    [Fact]
    public void AdvanceToNextTimer_SaysWhetherItFiredFoundNothingOrOnlyTimersPastTheLimit()
    {
        var limit = ManualTimeProvider.DefaultStart.AddSeconds(10);
        Assert.Equal(TimerStep.NoTimer, _clock.AdvanceToNextTimer(limit));

        var fired = 0;
        using var late = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        Assert.Equal(TimerStep.NextAfterLimit, _clock.AdvanceToNextTimer(limit));
        Assert.Equal(ManualTimeProvider.DefaultStart, _clock.GetUtcNow());

        using var soon = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        Assert.Equal(TimerStep.Fired, _clock.AdvanceToNextTimer(limit));
        Assert.Equal(ManualTimeProvider.DefaultStart.AddSeconds(5), _clock.GetUtcNow());
        Assert.Equal(1, fired);
    }

    [Fact]
    public async Task TaskDelay_Cancelled_RemovesItsTimer()
    {
        using var cancel = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), _clock, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void CreateTimer_Periodic_FiresOncePerPeriodAtItsDueTime()
    {
        var fired = new List<DateTimeOffset>();
        using var timer = _clock.CreateTimer(_ => fired.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromSeconds(30));

        var start = ManualTimeProvider.DefaultStart;
        Assert.Equal([start.AddSeconds(5), start.AddSeconds(15), start.AddSeconds(25)], fired);
        Assert.Equal(start.AddSeconds(30), _clock.GetUtcNow());
    }

    [Fact]
    public void Change_ToInfinite_StopsTheTimerAndLaterChangeRestartsIt()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Assert.True(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, fired);

        Assert.True(timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void Dispose_PendingTimer_NeverFiresAndCannotBeChanged()
    {
        var fired = 0;
        var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), TimeSpan.Zero));
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public async Task WhenArmedAfterAsync_TimerCreatedLater_Completes()
    {
        var seen = _clock.ArmCount;
        var armed = _clock.WhenArmedAfterAsync(seen);
        Assert.False(armed.IsCompleted);

        using var timer = _clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await Wait.ForAsync(armed, "the arm signal after a timer was created");
    }
}
