namespace Acteon.Grains.Abstractions.Storage;

/// <summary>
/// Grain state that means nothing after <see cref="ExpiresAt"/>: the store may delete it from then on
/// (a dedup key past its TTL, a closed throttle window), so that millions of one-off keys do not pile up.
/// </summary>
public interface IExpiringState
{
    DateTimeOffset? ExpiresAt { get; }
}
