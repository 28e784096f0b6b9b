namespace Acteon.Grains.Abstractions.Deduplication;

/// <summary>One per <c>{namespace}:{tenant}:{dedup_key}</c>: remembers that the key was seen.</summary>
[Alias("acteon.dedup")]
public interface IDeduplicationGrain : IGrainWithStringKey
{
    /// <summary>True when the key was not seen within its TTL: the caller owns this dispatch. The claim is durable before this returns.</summary>
    [Alias("TryClaimAsync")]
    Task<bool> TryClaimAsync(TimeSpan ttl);
}
