namespace Acteon.Silo.Tests.Support;

/// <summary>Waits on signals with a generous real-time limit; a timeout fails the test with what was expected.</summary>
internal static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static async Task ForAsync(Task signal, string expectation)
    {
        try
        {
            await signal.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            Xunit.Assert.Fail($"Timed out after {Limit.TotalSeconds} s waiting for {expectation}.");
        }
    }

    public static async Task<T> ForAsync<T>(Task<T> signal, string expectation)
    {
        await ForAsync((Task)signal, expectation);
        return await signal;
    }

    /// <summary>Re-checks <paramref name="condition"/>, letting other work run in between, until it holds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string expectation)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
            {
                Xunit.Assert.Fail($"Timed out after {Limit.TotalSeconds} s waiting for {expectation}.");
            }

            await Task.Yield();
        }
    }

    /// <summary>
    /// Runs the simulation event by event: moves the clock to the next pending timer, fires it, then waits until some
    /// background loop arms a timer again (it finished the work that timer started), until <paramref name="signal"/> is set.
    /// </summary>
    public static async Task RunUntilAsync(this ManualTimeProvider clock, Task signal, string expectation, TimeSpan maxSimulated)
    {
        var simulatedLimit = clock.GetUtcNow() + maxSimulated;
        using var limit = new CancellationTokenSource(Limit);
        while (!signal.IsCompleted)
        {
            var seen = clock.ArmCount;
            if (clock.AdvanceToNextTimer(simulatedLimit) == TimerStep.NextAfterLimit)
            {
                Xunit.Assert.Fail($"Simulated time reached {simulatedLimit:O} without {expectation}.");
            }

            try
            {
                await Task.WhenAny(signal, clock.WhenArmedAfterAsync(seen)).WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                Xunit.Assert.Fail($"Timed out after {Limit.TotalSeconds} s (simulated time {clock.GetUtcNow():O}) waiting for {expectation}.");
            }
        }

        await signal;
    }

    /// <summary>Fires the next pending timer (waiting for one to be armed if none is) and waits until a timer is armed again.</summary>
    public static async Task StepAsync(this ManualTimeProvider clock)
    {
        var seen = clock.ArmCount;
        if (clock.PendingTimers == 0)
        {
            await ForAsync(clock.WhenArmedAfterAsync(seen), "a background loop to arm a timer");
            seen = clock.ArmCount;
        }

        if (clock.AdvanceToNextTimer(DateTimeOffset.MaxValue) != TimerStep.Fired)
        {
            Xunit.Assert.Fail("No timer was pending to fire.");
        }

        await ForAsync(clock.WhenArmedAfterAsync(seen), "the background loop to finish its work and arm its next timer");
    }
}
