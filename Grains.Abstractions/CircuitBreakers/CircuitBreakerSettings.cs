namespace Acteon.Grains.Abstractions.CircuitBreakers;

/// <summary>
/// One provider's thresholds (<c>[circuit_breaker]</c>, overridden per provider): open after
/// <see cref="FailureThreshold"/> retryable failures in a row, admit a probe after <see cref="RecoveryTimeout"/>,
/// close after <see cref="SuccessThreshold"/> successful probes.
/// </summary>
[GenerateSerializer, Immutable, Alias("acteon.circuit-breaker-settings")]
public sealed record CircuitBreakerSettings(
    [property: Id(0)] int FailureThreshold,
    [property: Id(1)] int SuccessThreshold,
    [property: Id(2)] TimeSpan RecoveryTimeout)
{
    public static readonly CircuitBreakerSettings Default = new(5, 2, TimeSpan.FromSeconds(60));
}
