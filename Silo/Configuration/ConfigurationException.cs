namespace Acteon.Silo.Configuration;

/// <summary>acteon.toml cannot be used as written; the message names file, line and key, and start-up stops.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
