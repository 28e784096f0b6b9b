namespace Acteon.Grains.Abstractions.Auth;

/// <summary>
/// A fixed-window counter, one per limited thing (<c>caller:{id}</c>, <c>tenant:{t}</c>, <c>login-user:{u}</c>,
/// <c>login-address:{ip}</c>); one activation in the cluster counts for every node. Kept in memory: a lost
/// activation starts a fresh window, which only ever admits more.
/// </summary>
[Alias("acteon.rate-counter")]
public interface IRateCounterGrain : IGrainWithStringKey
{
    /// <summary>Counts <paramref name="cost"/> hits if the window has room for them; cost 0 only asks.</summary>
    [Alias("HitAsync")]
    Task<RateDecision> HitAsync(int limit, TimeSpan window, int cost);
}

/// <param name="Admitted">Whether the hits were counted (cost 0: whether the window is not yet full).</param>
/// <param name="Remaining">Hits left in this window.</param>
/// <param name="ResetAt">When the window ends.</param>
[GenerateSerializer, Immutable, Alias("acteon.rate-decision")]
public readonly record struct RateDecision(
    [property: Id(0)] bool Admitted, [property: Id(1)] int Remaining, [property: Id(2)] DateTimeOffset ResetAt);
