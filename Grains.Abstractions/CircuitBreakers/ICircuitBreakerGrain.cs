namespace Acteon.Grains.Abstractions.CircuitBreakers;

/// <summary>
/// One per provider name, for the whole cluster: closed → open after the failure threshold → half-open after the
/// recovery time-out, admitting one probe at a time → closed after the success threshold. Nodes cache its state
/// (pushed to them after each change) and call it only when the breaker is not closed, or to report a failure.
/// </summary>
[Alias("acteon.circuit-breaker")]
public interface ICircuitBreakerGrain : IGrainWithStringKey
{
    [Alias("GetAsync")]
    Task<CircuitBreakerSnapshot> GetAsync(CircuitBreakerSettings settings);

    /// <summary>Closed: allowed. Open past the recovery time-out, or half-open with no probe in flight: allowed as the probe. Else rejected.</summary>
    [Alias("TryAcquireAsync")]
    Task<CircuitPermit> TryAcquireAsync(CircuitBreakerSettings settings);

    /// <summary>Records a call's result: <paramref name="success"/> true for an answer, false for a retryable failure.</summary>
    /// <param name="settings">The provider's thresholds.</param>
    /// <param name="success">An answer (true) or a retryable failure (false).</param>
    /// <param name="probe">Whether the call was the half-open probe this grain admitted (only a probe counts while half-open).</param>
    [Alias("RecordAsync")]
    Task<CircuitBreakerSnapshot> RecordAsync(CircuitBreakerSettings settings, bool success, bool probe);

    /// <summary>Forces the breaker open (as if the failure threshold had just been reached; recovery applies as usual).</summary>
    [Alias("TripAsync")]
    Task<CircuitBreakerSnapshot> TripAsync(CircuitBreakerSettings settings);

    /// <summary>Forces the breaker closed, counters cleared.</summary>
    [Alias("ResetAsync")]
    Task<CircuitBreakerSnapshot> ResetAsync(CircuitBreakerSettings settings);
}
