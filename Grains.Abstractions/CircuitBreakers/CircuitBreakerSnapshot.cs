namespace Acteon.Grains.Abstractions.CircuitBreakers;

/// <summary>
/// A breaker's state as its grain last stored it, pushed to every node after each change. <see cref="Version"/> grows
/// with every change, so a node keeps the newest of the snapshots that reach it in any order.
/// </summary>
/// <param name="Provider">The provider the breaker guards.</param>
/// <param name="State">Closed, open or half-open.</param>
/// <param name="ConsecutiveFailures">Retryable failures in a row (closed), or the threshold after a trip.</param>
/// <param name="ConsecutiveSuccesses">Successful probes in a row (half-open).</param>
/// <param name="RetryAt">While open: when the first probe may go through.</param>
/// <param name="Version">The number of changes the grain has stored.</param>
[GenerateSerializer, Immutable, Alias("acteon.circuit-breaker-snapshot")]
public sealed record CircuitBreakerSnapshot(
    [property: Id(0)] string Provider,
    [property: Id(1)] CircuitState State,
    [property: Id(2)] int ConsecutiveFailures,
    [property: Id(3)] int ConsecutiveSuccesses,
    [property: Id(4)] DateTimeOffset? RetryAt,
    [property: Id(5)] long Version);
