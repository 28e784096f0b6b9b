using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Abstractions.Providers;

/// <summary>A configured provider as a stateless-worker grain, keyed by the provider's configured name.</summary>
[Alias("acteon.provider")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>One attempt; the executor adds time-outs, retries and the concurrency limit.</summary>
    [Alias("ExecuteAsync")]
    Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken);
}
