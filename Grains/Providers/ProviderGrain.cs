using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Providers;

/// <summary>Wraps the configured provider (log, webhook, AWS, ...) named by the grain key.</summary>
[StatelessWorker]
internal sealed class ProviderGrain(IProviderRegistry providers) : Grain, IProviderGrain
{
    public const string TypeName = "provider";

    private IActionProvider? _provider;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _provider = providers.TryGet(GrainKey, out var provider)
            ? provider
            : throw new InvalidOperationException($"provider not found: {GrainKey}");
        return Task.CompletedTask;
    }

    public Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken) =>
        _provider!.ExecuteAsync(action, cancellationToken).AsTask();
}
