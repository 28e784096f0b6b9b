using Acteon.Grains.Abstractions.CircuitBreakers;

namespace Acteon.Grains.CircuitBreakers;

/// <summary>One provider's breaker: its thresholds and the provider that takes its actions while it is open.</summary>
public sealed record ProviderCircuitBreaker(CircuitBreakerSettings Settings, string? FallbackProvider);
