using System.Globalization;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Execution;

/// <summary>
/// One provider call under the per-attempt time-out (<c>[executor] timeout_seconds</c>), run where the provider runs
/// (its grain). The time-out's timer is armed only once the call has to wait, so a provider that answers at once
/// (the log provider) costs no timer; at the time-out the provider's token is cancelled and the attempt fails as a
/// retryable <see cref="ProviderErrorKind.Timeout"/>.
/// </summary>
public sealed class ProviderAttempt(TimeSpan timeout, TimeProvider time)
{
    public Task<ProviderResult> RunAsync(IActionProvider provider, GatewayAction action, CancellationToken cancellationToken)
    {
        var timeoutSource = new CancellationTokenSource();
        var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token) : null;
        ValueTask<ProviderResult> call;
        try
        {
            call = provider.ExecuteAsync(action, linked?.Token ?? timeoutSource.Token);
        }
        catch (Exception error)
        {
            call = ValueTask.FromException<ProviderResult>(error);
        }

        if (call.IsCompleted)
        {
            linked?.Dispose();
            timeoutSource.Dispose();
            return call.AsTask();
        }

        return WaitAsync(call, timeoutSource, linked, cancellationToken);
    }

    private async Task<ProviderResult> WaitAsync(ValueTask<ProviderResult> call, CancellationTokenSource timeoutSource, CancellationTokenSource? linked, CancellationToken cancellationToken)
    {
        using (timeoutSource)
        using (linked)
        using (time.CreateTimer(CancelOnTimeout, timeoutSource, timeout, Timeout.InfiniteTimeSpan))
        {
            try
            {
                return await call;
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return ProviderError.Timeout(string.Create(CultureInfo.InvariantCulture, $"timeout after {timeout.TotalSeconds:0.###}s"));
            }
        }
    }

    private static void CancelOnTimeout(object? source)
    {
        try
        {
            ((CancellationTokenSource)source!).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended as the timer fired.
        }
    }
}
