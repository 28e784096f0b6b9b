using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Abstractions.Providers;

/// <summary>A configured provider as a stateless-worker grain, keyed by the provider's configured name.</summary>
[Alias("acteon.provider")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>One attempt; the executor adds time-outs, retries and the concurrency limit.</summary>
    /// <remarks>
    /// The executor's per-attempt time-out (a cancelled <paramref name="cancellationToken"/>, which ends the call at once
    /// and cancels the provider) bounds it, not Orleans' response time-out: that one is kept short for every other call
    /// so that a dead silo is noticed, and would cut a slow provider short.
    /// </remarks>
    [Alias("ExecuteAsync"), ResponseTimeout("01:00:00")]
    Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken);
}
