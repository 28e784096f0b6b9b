using System.Diagnostics;

namespace Acteon.Tests.Shared;

/// <summary>
/// Waits for what a test expects, with a generous real-time limit; a timeout fails the test naming what was expected.
/// A signal (a task the code under test completes) is awaited; a condition nothing signals is re-checked at a modest
/// real interval, so that a waiting test leaves the cores to the work it waits for.
/// </summary>
internal static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    public static async Task ForAsync(Task signal, string expectation, TimeSpan? limit = null)
    {
        var max = limit ?? Limit;
        try
        {
            await signal.WaitAsync(max);
        }
        catch (TimeoutException)
        {
            Xunit.Assert.Fail($"Timed out after {max.TotalSeconds} s waiting for {expectation}.");
        }
    }

    public static async Task<T> ForAsync<T>(Task<T> signal, string expectation, TimeSpan? limit = null)
    {
        await ForAsync((Task)signal, expectation, limit);
        return await signal;
    }

    /// <summary>Re-checks <paramref name="condition"/> every 25 ms of real time until it holds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string expectation, TimeSpan? limit = null)
    {
        var max = limit ?? Limit;
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) >= max)
            {
                Xunit.Assert.Fail($"Timed out after {max.TotalSeconds} s waiting for {expectation}.");
            }

            await Task.Delay(Interval, CancellationToken.None);
        }
    }
}
