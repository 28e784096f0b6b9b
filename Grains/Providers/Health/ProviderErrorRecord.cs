namespace Acteon.Grains.Providers.Health;

/// <summary>One recent failure of a provider.</summary>
public sealed record ProviderErrorRecord(DateTimeOffset At, string Code, string Message);
