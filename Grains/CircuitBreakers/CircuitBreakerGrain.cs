using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.CircuitBreakers;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.CircuitBreakers;

/// <summary>
/// The one breaker of a provider (key: the provider's name). Every change is stored first (CAS), then pushed to every
/// node's <see cref="CircuitBreakerCache"/>; being one activation, it admits one half-open probe at a time cluster-wide.
/// A probe that never reports back frees its slot after <see cref="ProbeTimeout"/>.
/// </summary>
[GrainType(TypeName)]
internal sealed class CircuitBreakerGrain(
    [PersistentState("circuit_breaker", GrainStorage.Name)] IPersistentState<CircuitBreakerState> state,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time,
    CircuitBreakerCache cache) : Grain, ICircuitBreakerGrain
{
    public const string TypeName = "circuit-breaker";

    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    private string Provider => this.GetPrimaryKeyString();

    public Task<CircuitBreakerSnapshot> GetAsync(CircuitBreakerSettings settings) => Task.FromResult(Snapshot(state.State, settings));

    public async Task<CircuitPermit> TryAcquireAsync(CircuitBreakerSettings settings)
    {
        var now = time.GetUtcNow();
        var (allowed, probe) = await ChangeAsync(settings, s => s.State switch
        {
            CircuitState.Closed => ((CircuitBreakerState?)null, (true, false)),
            CircuitState.Open when now >= s.LastFailureAt + settings.RecoveryTimeout =>
                (s with { State = CircuitState.HalfOpen, ConsecutiveSuccesses = 0, ProbeStartedAt = now }, (true, true)),
            CircuitState.HalfOpen when s.ProbeStartedAt is not { } started || now - started >= ProbeTimeout =>
                (s with { ProbeStartedAt = now }, (true, true)),
            _ => ((CircuitBreakerState?)null, (false, false)),
        });
        return new CircuitPermit(allowed, probe, Snapshot(state.State, settings));
    }

    public async Task<CircuitBreakerSnapshot> RecordAsync(CircuitBreakerSettings settings, bool success, bool probe)
    {
        var now = time.GetUtcNow();
        await ChangeAsync(settings, s => (s.State, success) switch
        {
            (CircuitState.Closed, true) => (s.ConsecutiveFailures == 0 ? null : s with { ConsecutiveFailures = 0 }, 0),
            (CircuitState.Closed, false) => (s.ConsecutiveFailures + 1 >= settings.FailureThreshold
                ? s with { State = CircuitState.Open, ConsecutiveFailures = s.ConsecutiveFailures + 1, LastFailureAt = now }
                : s with { ConsecutiveFailures = s.ConsecutiveFailures + 1, LastFailureAt = now }, 0),
            // While half-open only the admitted probe counts: calls let through before the breaker opened prove nothing now.
            (CircuitState.HalfOpen, true) when probe => (s.ConsecutiveSuccesses + 1 >= settings.SuccessThreshold
                ? new CircuitBreakerState { State = CircuitState.Closed, Version = s.Version }
                : s with { ConsecutiveSuccesses = s.ConsecutiveSuccesses + 1, ProbeStartedAt = null }, 0),
            (CircuitState.HalfOpen, false) when probe =>
                (s with { State = CircuitState.Open, ConsecutiveSuccesses = 0, ProbeStartedAt = null, LastFailureAt = now }, 0),
            // Open: a late failure pushes the next probe back; a late success changes nothing.
            (CircuitState.Open, false) => (s with { LastFailureAt = now }, 0),
            _ => ((CircuitBreakerState?)null, 0),
        });
        return Snapshot(state.State, settings);
    }

    public async Task<CircuitBreakerSnapshot> TripAsync(CircuitBreakerSettings settings)
    {
        var now = time.GetUtcNow();
        await ChangeAsync(settings, s => (s with
        {
            State = CircuitState.Open, ConsecutiveFailures = settings.FailureThreshold, ConsecutiveSuccesses = 0, LastFailureAt = now, ProbeStartedAt = null,
        }, 0));
        return Snapshot(state.State, settings);
    }

    public async Task<CircuitBreakerSnapshot> ResetAsync(CircuitBreakerSettings settings)
    {
        await ChangeAsync(settings, s => (new CircuitBreakerState { State = CircuitState.Closed, Version = s.Version }, 0));
        return Snapshot(state.State, settings);
    }

    /// <summary>Decides, stores (a new version) and only then pushes the new state to every node.</summary>
    private async Task<T> ChangeAsync<T>(CircuitBreakerSettings settings, Func<CircuitBreakerState, (CircuitBreakerState? Next, T Result)> decide)
    {
        var changed = false;
        var result = await state.UpdateAsync(stored =>
        {
            var (next, answer) = decide(stored);
            changed = next is not null;
            return (next is null ? null : next with { Version = stored.Version + 1 }, answer);
        });
        if (changed)
        {
            cache.Publish(Snapshot(state.State, settings));
        }

        return result;
    }

    private CircuitBreakerSnapshot Snapshot(CircuitBreakerState s, CircuitBreakerSettings settings) => new(
        Provider, s.State, s.ConsecutiveFailures, s.ConsecutiveSuccesses,
        s.State == CircuitState.Open ? s.LastFailureAt + settings.RecoveryTimeout : null, s.Version);
}
