using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Abstractions.Providers;

/// <summary>A configured provider as a stateless-worker grain, keyed by the provider's configured name.</summary>
[Alias("acteon.provider")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>One attempt, bounded by the per-attempt time-out; the executor adds retries and the concurrency limit.</summary>
    /// <remarks>
    /// The grain applies <c>[executor] timeout_seconds</c> itself, beside the provider, arming a timer only when the
    /// provider has to wait, and answers a timed-out attempt with a <c>TIMEOUT</c> error. Orleans' response time-out is
    /// kept short for every other call so that a dead silo is noticed, and would cut a slow provider short; so it is
    /// lifted here: a silo that dies mid-call is reported by membership (<see cref="SiloUnavailableException"/>).
    /// <paramref name="cancellationToken"/> is the caller's own (a dispatch passes none).
    /// </remarks>
    [Alias("ExecuteAsync"), ResponseTimeout("01:00:00")]
    Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken);
}
