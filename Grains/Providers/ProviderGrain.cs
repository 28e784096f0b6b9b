using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Execution;
using Acteon.Grains.Providers.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Acteon.Grains.Providers;

/// <summary>
/// Wraps the configured provider (log, webhook, AWS, ...) named by the grain key. A stateless worker: its
/// activations live on the silo that calls it, so a provider call takes no hop to another silo. Reentrant: the
/// provider clients are safe for concurrent use, and a non-reentrant worker would hold each activation for the whole
/// of one provider call, capping the calls in flight per silo at Orleans' worker count (the processor count) instead
/// of <c>[executor] max_concurrent</c>. The per-attempt time-out is kept here, beside the provider (<see cref="ProviderAttempt"/>).
/// Every call is recorded in <see cref="ProviderHealthMetrics"/> (success rate, latency, last errors), whatever the provider's kind.
/// </summary>
[StatelessWorker, Reentrant, GrainType(TypeName)]
internal sealed class ProviderGrain(
    IProviderRegistry providers,
    ProviderHealthMetrics health,
    IOptions<ExecutorOptions> options,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IProviderGrain
{
    public const string TypeName = "provider";

    private readonly ProviderAttempt _attempt = new(options.Value.Timeout, time);

    private IActionProvider? _provider;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        _provider = providers.TryGet(name, out var provider)
            ? provider
            : throw new InvalidOperationException($"provider not found: {name}");
        return Task.CompletedTask;
    }

    public async Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var result = await _attempt.RunAsync(_provider!, action, cancellationToken);
            health.Record(_provider!.Name, time.GetElapsedTime(started), result.Error);
            return result;
        }
        catch (Exception error)
        {
            health.Record(_provider!.Name, time.GetElapsedTime(started), error is OperationCanceledException
                ? ProviderError.Timeout("the call was cancelled by its caller")
                : ProviderError.ExecutionFailed(error.Message));
            throw;
        }
    }
}
