using Acteon.Grains.Abstractions.CircuitBreakers;

namespace Acteon.Grains.CircuitBreakers;

/// <summary>A breaker's durable state; <see cref="Version"/> counts the stored changes.</summary>
[GenerateSerializer, Alias("acteon.circuit-breaker-state")]
public sealed record CircuitBreakerState
{
    [Id(0)] public CircuitState State { get; init; }
    [Id(1)] public int ConsecutiveFailures { get; init; }
    [Id(2)] public int ConsecutiveSuccesses { get; init; }
    [Id(3)] public DateTimeOffset? LastFailureAt { get; init; }
    [Id(4)] public DateTimeOffset? ProbeStartedAt { get; init; }
    [Id(5)] public long Version { get; init; }
}
