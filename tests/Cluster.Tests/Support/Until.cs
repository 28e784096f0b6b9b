using Xunit;

namespace Acteon.Cluster.Tests.Support;

/// <summary>Re-checks a condition until it holds, failing the test after a real-time limit.</summary>
internal static class Until
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<Task<bool>> condition, string expectation, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? Limit);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {(limit ?? Limit).TotalSeconds} s waiting for {expectation}.");
            }

            // Between checks of an outside process: a short pause, not a fixed wait for the outcome.
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }

    public static async Task<T> SignalAsync<T>(Task<T> signal, string expectation, TimeSpan? limit = null)
    {
        try
        {
            return await signal.WaitAsync(limit ?? Limit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out after {(limit ?? Limit).TotalSeconds} s waiting for {expectation}.");
            throw;
        }
    }
}
