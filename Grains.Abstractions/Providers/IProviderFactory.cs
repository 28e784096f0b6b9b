namespace Acteon.Grains.Abstractions.Providers;

/// <summary>Builds providers of one configured <c>type</c>; registered in DI, one per type.</summary>
public interface IProviderFactory
{
    string Type { get; }

    /// <exception cref="ProviderConfigurationException">A field is missing or wrong.</exception>
    IActionProvider Create(ProviderSettings settings);
}
