namespace Acteon.Grains.Abstractions.Deduplication;

/// <summary>
/// Remembers dedup keys (<c>{namespace}:{tenant}:{dedup_key}</c>). A stateless worker on each silo (key
/// <see cref="LocalKey"/>): every claim is one insert-if-absent in the grain storage, which decides cluster-wide which
/// caller owns a key, so no activation is created per key.
/// </summary>
[Alias("acteon.dedup")]
public interface IDeduplicationGrain : IGrainWithStringKey
{
    public const string LocalKey = "local";

    /// <summary>True when <paramref name="key"/> was not seen within its TTL: the caller owns this dispatch. The claim is durable before this returns.</summary>
    [Alias("TryClaimAsync")]
    Task<bool> TryClaimAsync(string key, TimeSpan ttl);
}
