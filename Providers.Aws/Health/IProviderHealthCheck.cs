using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.Health;

/// <summary>A provider that can check, without side effects, that its service answers and accepts its credentials.</summary>
public interface IProviderHealthCheck
{
    /// <summary>Null when healthy, else why not.</summary>
    ValueTask<ProviderError?> CheckHealthAsync(CancellationToken cancellationToken);
}
