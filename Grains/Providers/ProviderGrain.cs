using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Orleans.Concurrency;

namespace Acteon.Grains.Providers;

/// <summary>
/// Wraps the configured provider (log, webhook, AWS, ...) named by the grain key. A stateless worker: its
/// activations live on the silo that calls it, so a provider call takes no hop to another silo. Reentrant: the
/// provider clients are safe for concurrent use, and a non-reentrant worker would hold each activation for the whole
/// of one provider call, capping the calls in flight per silo at Orleans' worker count (the processor count) instead
/// of <c>[executor] max_concurrent</c>.
/// </summary>
[StatelessWorker, Reentrant, GrainType(TypeName)]
internal sealed class ProviderGrain(IProviderRegistry providers) : Grain, IProviderGrain
{
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
        _provider!.ExecuteAsync(action, cancellationToken).AsTask();
}
