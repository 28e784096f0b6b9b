using System.Diagnostics.Metrics;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Dispatch;

namespace Acteon.Grains.CircuitBreakers;

/// <summary>
/// The breakers' instruments on the gateway meter: each provider's state as this node knows it (0 closed, 1 open,
/// 2 half-open), calls rejected by an open breaker, and the grain calls the dispatch path made (none while closed).
/// </summary>
public sealed class CircuitBreakerMetrics
{
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _grainCalls;
    private long _grainCallCount;

    public CircuitBreakerMetrics(IMeterFactory meters, CircuitBreakerCache cache, IProviderRegistry providers)
    {
        var meter = meters.Create(DispatchMetrics.MeterName);
        _rejected = meter.CreateCounter<long>("acteon.circuit_breaker.rejected", "{call}", "Calls an open circuit breaker kept from its provider");
        _grainCalls = meter.CreateCounter<long>("acteon.circuit_breaker.grain_calls", "{call}", "Circuit-breaker grain calls made by dispatches");
        meter.CreateObservableGauge("acteon.circuit_breaker.state", () => States(cache, providers), "{state}", "Circuit breaker state: 0 closed, 1 open, 2 half-open");
    }

    /// <summary>Grain calls made by the dispatch path since start (a closed breaker makes none).</summary>
    public long GrainCalls => Interlocked.Read(ref _grainCallCount);

    public void Rejected(string provider) => _rejected.Add(1, new KeyValuePair<string, object?>("provider", provider));

    public void GrainCall(string provider, string call)
    {
        Interlocked.Increment(ref _grainCallCount);
        _grainCalls.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("call", call));
    }

    private static IEnumerable<Measurement<int>> States(CircuitBreakerCache cache, IProviderRegistry providers)
    {
        foreach (var provider in providers.All)
        {
            if (cache.Get(provider.Name) is { } snapshot)
            {
                yield return new Measurement<int>((int)snapshot.State, new KeyValuePair<string, object?>("provider", provider.Name));
            }
        }
    }
}
