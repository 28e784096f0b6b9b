using System.Collections.Concurrent;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.Providers.Health;

/// <summary>Per-provider success rate, latency percentiles and recent errors, for <c>GET /v1/providers/health</c>.</summary>
public sealed class ProviderHealthMetrics([FromKeyedServices(GatewayClock.Key)] TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ProviderStats> _byProvider = new(StringComparer.Ordinal);

    public void Record(string provider, TimeSpan latency, ProviderError? error) =>
        _byProvider.GetOrAdd(provider, _ => new ProviderStats()).Record(latency, error, time.GetUtcNow());

    public ProviderHealthSnapshot Snapshot(string provider) =>
        (_byProvider.TryGetValue(provider, out var stats) ? stats : new ProviderStats()).Snapshot(provider);
}
