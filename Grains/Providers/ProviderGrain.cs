using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Acteon.Grains.Execution;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Orleans.Concurrency;

namespace Acteon.Grains.Providers;

/// <summary>
/// Wraps the configured provider (log, webhook, AWS, ...) named by the grain key. A stateless worker: its
/// activations live on the silo that calls it, so a provider call takes no hop to another silo. Reentrant: the
/// provider clients are safe for concurrent use, and a non-reentrant worker would hold each activation for the whole
/// of one provider call, capping the calls in flight per silo at Orleans' worker count (the processor count) instead
/// of <c>[executor] max_concurrent</c>. The per-attempt time-out is kept here, beside the provider (<see cref="ProviderAttempt"/>).
/// </summary>
[StatelessWorker, Reentrant, GrainType(TypeName)]
internal sealed class ProviderGrain(
    IProviderRegistry providers,
    IOptions<ExecutorOptions> options,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IProviderGrain
{
    private readonly ProviderAttempt _attempt = new(options.Value.Timeout, time);

    public const string TypeName = "provider";

    private IActionProvider? _provider;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        _provider = providers.TryGet(name, out var provider)
            ? provider
            : throw new InvalidOperationException($"provider not found: {name}");
        return Task.CompletedTask;
    }

    public Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken) =>
        _attempt.RunAsync(_provider!, action, cancellationToken);
}
