namespace Acteon.Grains.Abstractions.Providers;

/// <summary>A provider entry that cannot work as configured; start-up stops with this message.</summary>
public sealed class ProviderConfigurationException(string message) : Exception(message);
