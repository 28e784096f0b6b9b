namespace Acteon.Grains.Abstractions.CircuitBreakers;

/// <summary>The grain's answer to a node that asks to call a provider whose breaker is not closed.</summary>
/// <param name="Allowed">Whether the call may go through.</param>
/// <param name="Probe">The call is the one half-open probe: its result decides the breaker.</param>
/// <param name="Snapshot">The breaker after the decision.</param>
[GenerateSerializer, Immutable, Alias("acteon.circuit-permit")]
public sealed record CircuitPermit([property: Id(0)] bool Allowed, [property: Id(1)] bool Probe, [property: Id(2)] CircuitBreakerSnapshot Snapshot);
