namespace Acteon.Grains.Abstractions.CircuitBreakers;

/// <summary>Where a provider's breaker stands; <see cref="CircuitStateNames.Of"/> gives the wire name.</summary>
public enum CircuitState
{
    Closed = 0,
    Open = 1,
    HalfOpen = 2,
}
