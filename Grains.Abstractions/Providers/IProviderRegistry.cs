namespace Acteon.Grains.Abstractions.Providers;

public interface IProviderRegistry
{
    bool TryGet(string name, out IActionProvider provider);

    IReadOnlyCollection<IActionProvider> All { get; }
}
