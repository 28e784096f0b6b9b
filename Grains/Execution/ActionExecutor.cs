using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Execution;

/// <summary>
/// Runs provider calls: each attempt in a concurrency slot, on the provider's grain, which bounds it by the per-attempt
/// time-out (<see cref="ProviderAttempt"/>); retryable errors are retried with exponential backoff and jitter (the slot
/// is given back while waiting), the others fail at once.
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
        return name => references.GetOrAdd(name, static (n, g) => g.Reference<IProviderGrain>(n), grains);
    }

    private async Task<ProviderResult> AttemptAsync(IProviderGrain provider, string providerName, GatewayAction action, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            // The provider's grain bounds the attempt by the time-out (ProviderAttempt). A dispatch passes no token of its
            // own, so Orleans has no cancellation to track for the call.
            return await provider.ExecuteAsync(action, cancellationToken);
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
            _slots.Release();
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
