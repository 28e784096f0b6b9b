namespace Acteon.Grains.Dispatch;

public sealed class DispatchOptions
{
    /// <summary><c>[dedup] default_ttl_seconds</c>: how long an action's dedup_key counts as seen.</summary>
    public TimeSpan DefaultDedupTtl { get; set; } = TimeSpan.FromSeconds(300);
}
