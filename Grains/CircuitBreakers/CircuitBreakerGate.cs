using System.Collections.Concurrent;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.CircuitBreakers;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.CircuitBreakers;

/// <summary>
/// Runs an action on a provider through its breaker. Closed (as this node's <see cref="CircuitBreakerCache"/> has it):
/// straight to the executor, and a success reports nothing. Open before its retry time: rejected here. Otherwise the
/// grain decides (a half-open probe). Rejected: the fallback chain (<c>rerouted</c>), else <c>circuit_open</c>. Only
/// retryable failures (after the executor's retries) count against a breaker; a breaker grain that cannot be reached
/// lets the call through.
/// </summary>
public sealed partial class CircuitBreakerGate(
    IGrainFactory grains,
    ActionExecutor executor,
    CircuitBreakerCache cache,
    CircuitBreakerMetrics metrics,
    IOptions<CircuitBreakerOptions> options,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time,
    ILogger<CircuitBreakerGate> logger)
{
    private readonly CircuitBreakerOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, ICircuitBreakerGrain> _grains = new(StringComparer.Ordinal);

    public bool Enabled => _options.Enabled;

    /// <param name="action">The action.</param>
    /// <param name="provider">The provider to run it on.</param>
    /// <param name="cancellationToken">Cancels the provider call.</param>
    /// <param name="guarded">False for the paths that bypass breakers (a <c>reroute</c> rule's target).</param>
    public async Task<DispatchOutcome> ExecuteAsync(GatewayAction action, string provider, CancellationToken cancellationToken, bool guarded = true)
    {
        if (!_options.Enabled || !guarded)
        {
            return ToOutcome(action, await executor.ExecuteAsync(provider, action, cancellationToken));
        }

        var admission = await AdmitAsync(provider);
        if (admission.Allowed)
        {
            return ToOutcome(action, await RunAsync(action, provider, admission, cancellationToken));
        }

        metrics.Rejected(provider);
        var visited = new HashSet<string>(StringComparer.Ordinal) { provider };
        for (var fallback = _options.FallbackOf(provider); fallback is not null && visited.Add(fallback); fallback = _options.FallbackOf(fallback))
        {
            var next = await AdmitAsync(fallback);
            if (!next.Allowed)
            {
                metrics.Rejected(fallback);
                continue;
            }

            var result = await RunAsync(action, fallback, next, cancellationToken);
            return result.Response is { } response
                ? new ReroutedOutcome(action.Id, provider, fallback, response)
                : new FailedOutcome(action.Id, result.Error!, result.Attempts);
        }

        return new CircuitOpenOutcome(provider, _options.FallbackOf(provider));
    }

    private static DispatchOutcome ToOutcome(GatewayAction action, ExecutionResult result) => result.Response is { } response
        ? new ExecutedOutcome(action.Id, response)
        : new FailedOutcome(action.Id, result.Error!, result.Attempts);

    private async Task<ExecutionResult> RunAsync(GatewayAction action, string provider, Admission admission, CancellationToken cancellationToken)
    {
        var result = await executor.ExecuteAsync(provider, action, cancellationToken);
        bool? success = result.Response is not null ? true : result.Error!.Retryable ? false : null;
        if (success is { } counted)
        {
            await RecordAsync(provider, counted, admission.Probe);
        }

        return result;
    }

    private async ValueTask<Admission> AdmitAsync(string provider)
    {
        var settings = _options.SettingsOf(provider);
        try
        {
            var snapshot = cache.Get(provider);
            if (snapshot is null)
            {
                metrics.GrainCall(provider, "get");
                snapshot = await Grain(provider).GetAsync(settings);
                cache.Apply(snapshot);
            }

            if (snapshot.State == CircuitState.Closed)
            {
                return new Admission(true, false);
            }

            if (snapshot.State == CircuitState.Open && snapshot.RetryAt > time.GetUtcNow())
            {
                return new Admission(false, false);
            }

            metrics.GrainCall(provider, "acquire");
            var permit = await Grain(provider).TryAcquireAsync(settings);
            cache.Apply(permit.Snapshot);
            return new Admission(permit.Allowed, permit.Probe);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Fail open: a breaker that cannot be asked must not stop the gateway.
            LogBreakerUnreachable(logger, provider, error);
            return new Admission(true, false);
        }
    }

    private async ValueTask RecordAsync(string provider, bool success, bool probe)
    {
        // The hot path: a success on a breaker that is closed with no failures to clear costs nothing.
        if (success && !probe && cache.Get(provider) is { State: CircuitState.Closed, ConsecutiveFailures: 0 })
        {
            return;
        }

        try
        {
            metrics.GrainCall(provider, "record");
            cache.Apply(await Grain(provider).RecordAsync(_options.SettingsOf(provider), success, probe));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogBreakerUnreachable(logger, provider, error);
        }
    }

    private ICircuitBreakerGrain Grain(string provider) => _grains.GetOrAdd(provider, static (p, g) => g.Reference<ICircuitBreakerGrain>(p), grains);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker of provider '{Provider}' could not be reached; the call goes through")]
    private static partial void LogBreakerUnreachable(ILogger logger, string provider, Exception error);

    private readonly record struct Admission(bool Allowed, bool Probe);
}
