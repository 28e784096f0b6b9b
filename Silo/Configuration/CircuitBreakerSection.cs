using Acteon.Grains.Abstractions.CircuitBreakers;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.CircuitBreakers;
using Acteon.Silo.Configuration.Toml;

namespace Acteon.Silo.Configuration;

/// <summary>
/// Reads <c>[circuit_breaker]</c> and its <c>[circuit_breaker.providers.NAME]</c> overrides: thresholds ≥ 1, every
/// name a configured provider, no fallback to itself and no fallback cycle.
/// </summary>
internal static class CircuitBreakerSection
{
    public static CircuitBreakerOptions Read(TomlSection s, IReadOnlyList<ProviderSettings> providers)
    {
        s.AllowOnly("enabled", "failure_threshold", "success_threshold", "recovery_timeout_seconds", "providers");
        var defaults = Settings(s, CircuitBreakerSettings.Default);
        var known = providers.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var overrides = new Dictionary<string, ProviderCircuitBreaker>(StringComparer.Ordinal);
        var lines = new Dictionary<string, TomlSection>(StringComparer.Ordinal);
        if (s.Table.TryGetValue("providers", out var value))
        {
            var table = value as TomlTable ?? throw s.Error("providers", "must be a table of providers ([circuit_breaker.providers.NAME])");
            foreach (var (name, entry) in table)
            {
                var own = new TomlSection(entry as TomlTable ?? throw s.Error("providers", $"'{name}' must be a table ([circuit_breaker.providers.{name}])"),
                    s.File, $"circuit_breaker.providers.{name}");
                own.AllowOnly("failure_threshold", "success_threshold", "recovery_timeout_seconds", "fallback_provider");
                if (!known.Contains(name))
                {
                    throw new ConfigurationException(
                        $"{own.Location("")}: [circuit_breaker.providers.{name}]: '{name}' is not a configured provider (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
                }

                var fallback = own.String("fallback_provider");
                if (fallback is not null && !known.Contains(fallback))
                {
                    throw own.Error("fallback_provider", $"\"{fallback}\" is not a configured provider");
                }

                if (fallback == name)
                {
                    throw own.Error("fallback_provider", $"a provider cannot be its own fallback (\"{name}\")");
                }

                overrides[name] = new ProviderCircuitBreaker(Settings(own, defaults), fallback);
                lines[name] = own;
            }
        }

        foreach (var start in overrides.Keys)
        {
            var path = new List<string> { start };
            for (var next = overrides[start].FallbackProvider; next is not null; next = overrides.GetValueOrDefault(next)?.FallbackProvider)
            {
                if (path.Contains(next))
                {
                    throw lines[start].Error("fallback_provider", $"fallback cycle: {string.Join(" → ", path)} → {next}");
                }

                path.Add(next);
            }
        }

        return new CircuitBreakerOptions { Enabled = s.Bool("enabled") ?? false, Defaults = defaults, Providers = overrides };
    }

    private static CircuitBreakerSettings Settings(TomlSection s, CircuitBreakerSettings inherited) => new(
        (int)(s.Integer("failure_threshold", 1, 1_000_000) ?? inherited.FailureThreshold),
        (int)(s.Integer("success_threshold", 1, 1_000_000) ?? inherited.SuccessThreshold),
        s.Seconds("recovery_timeout_seconds", 1, 86_400) ?? inherited.RecoveryTimeout);
}
