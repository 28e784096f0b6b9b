using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Abstractions.Providers;

/// <summary>A configured provider as a stateless-worker grain, keyed by the provider's configured name.</summary>
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>One attempt; the executor adds time-outs, retries and the concurrency limit.</summary>
    Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken);
}
