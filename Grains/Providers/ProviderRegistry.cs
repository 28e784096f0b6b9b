using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Providers;

/// <summary>The configured providers by name, built once at start-up from <c>[[providers]]</c>.</summary>
public sealed class ProviderRegistry : IProviderRegistry
{
    private readonly Dictionary<string, IActionProvider> _byName = new(StringComparer.Ordinal);

    public ProviderRegistry(IEnumerable<ProviderSettings> settings, IEnumerable<IProviderFactory> factories)
    {
        var byType = factories.ToDictionary(f => f.Type, StringComparer.Ordinal);
        foreach (var s in settings)
        {
            if (!byType.TryGetValue(s.Type, out var factory))
            {
                throw new ProviderConfigurationException(
                    $"{s.Location}: provider '{s.Name}': unknown type '{s.Type}'; known types: {string.Join(", ", byType.Keys.Order(StringComparer.Ordinal))}");
            }

            if (_byName.ContainsKey(s.Name))
            {
                throw new ProviderConfigurationException($"{s.Location}: provider name '{s.Name}' is used twice; names must be unique");
            }

            _byName.Add(s.Name, factory.Create(s));
        }
    }

    public IReadOnlyCollection<IActionProvider> All => _byName.Values;

    public bool TryGet(string name, out IActionProvider provider) => _byName.TryGetValue(name, out provider!);
}
