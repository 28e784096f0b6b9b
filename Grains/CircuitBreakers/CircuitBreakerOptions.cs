using Acteon.Grains.Abstractions.CircuitBreakers;

namespace Acteon.Grains.CircuitBreakers;

/// <summary><c>[circuit_breaker]</c>: when enabled, every configured provider has a breaker, with the defaults unless overridden.</summary>
public sealed class CircuitBreakerOptions
{
    public bool Enabled { get; set; }

    public CircuitBreakerSettings Defaults { get; set; } = CircuitBreakerSettings.Default;

    /// <summary><c>[circuit_breaker.providers.NAME]</c>, validated at start-up (known providers, no fallback cycles).</summary>
    public IReadOnlyDictionary<string, ProviderCircuitBreaker> Providers { get; set; } = new Dictionary<string, ProviderCircuitBreaker>(StringComparer.Ordinal);

    public CircuitBreakerSettings SettingsOf(string provider) => Providers.TryGetValue(provider, out var own) ? own.Settings : Defaults;

    public string? FallbackOf(string provider) => Providers.TryGetValue(provider, out var own) ? own.FallbackProvider : null;
}
