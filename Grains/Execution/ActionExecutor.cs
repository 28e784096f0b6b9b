using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Execution;

/// <summary>
/// Runs provider calls: each attempt under a time-out and a concurrency slot (the time-out's timer is armed only once
/// the call has to wait, so a provider that answers at once costs no timer); retryable errors are retried
/// with exponential backoff and jitter (the slot is given back while waiting), the others fail at once.
/// </summary>
public sealed class ActionExecutor(Func<string, IProviderGrain> providerGrain, IOptions<ExecutorOptions> options, TimeProvider time) : IDisposable
{
    public ActionExecutor(IGrainFactory grains, IOptions<ExecutorOptions> options, [FromKeyedServices(GatewayClock.Key)] TimeProvider time)
        : this(ProviderReferences(grains), options, time)
    {
    }

    private readonly ExecutorOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrent, options.Value.MaxConcurrent);

    /// <summary>Runs <paramref name="action"/> on the provider grain named <paramref name="providerName"/>.</summary>
    public async Task<ExecutionResult> ExecuteAsync(string providerName, GatewayAction action, CancellationToken cancellationToken)
    {
        var provider = providerGrain(providerName);
        for (var attempt = 0; ; attempt++)
        {
            var result = await AttemptAsync(provider, providerName, action, cancellationToken);
            if (result.Response is { } response)
            {
                return new ExecutionResult(response, null, attempt + 1);
            }

            var error = result.Error!;
            if (!error.Retryable || attempt >= _options.MaxRetries)
            {
                return new ExecutionResult(null, error, attempt + 1);
            }

            await Task.Delay(Backoff(attempt), time, cancellationToken);
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>One grain reference per provider name, made once (providers are a handful, named in acteon.toml).</summary>
    private static Func<string, IProviderGrain> ProviderReferences(IGrainFactory grains)
    {
        var references = new System.Collections.Concurrent.ConcurrentDictionary<string, IProviderGrain>(StringComparer.Ordinal);
        return name => references.GetOrAdd(name, static (n, g) => g.GetGrain<IProviderGrain>(n), grains);
    }

    private async Task<ProviderResult> AttemptAsync(IProviderGrain provider, string providerName, GatewayAction action, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        using var timeout = new CancellationTokenSource();
        // A dispatch passes no token of its own (an accepted action is carried through): then the time-out alone will do.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
        ITimer? timer = null;
        try
        {
            var call = provider.ExecuteAsync(action, linked?.Token ?? timeout.Token);
            if (!call.IsCompleted)
            {
                // Only a call that has to wait needs the timer; the log provider answers at once.
                timer = time.CreateTimer(CancelOnTimeout, timeout, _options.Timeout, Timeout.InfiniteTimeSpan);
            }

            return await call;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProviderError.Timeout(string.Create(CultureInfo.InvariantCulture, $"timeout after {_options.Timeout.TotalSeconds:0.###}s"));
        }
        catch (Exception error) when (error is SiloUnavailableException or OrleansMessageRejectionException)
        {
            // The silo running the provider grain went away mid-call: the provider may or may not have been called.
            return ProviderError.Connection($"provider '{providerName}' unreachable: {error.Message}");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A provider that throws has a bug; the action still gets an answer instead of a 500.
            return ProviderError.ExecutionFailed($"provider '{providerName}' failed: {error.Message}");
        }
        finally
        {
            timer?.Dispose();
            _slots.Release();
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

    /// <summary>base × 2^attempt, capped, times a random factor in [0.5, 1) so that retries of many callers spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}
