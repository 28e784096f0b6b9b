namespace Acteon.Silo.Configuration.Auth;

/// <summary><c>[rate_limit]</c>: requests per caller and dispatched actions per tenant, per fixed window, counted cluster-wide.</summary>
public sealed record RateLimitConfig
{
    public bool Enabled { get; init; }
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per caller (user, API key, or "anonymous") per window; 0 = no limit.</summary>
    public int PerCaller { get; init; } = 1000;

    /// <summary>Actions per tenant per window (dispatch and each batch element); 0 = no limit.</summary>
    public int PerTenant { get; init; }

    public IReadOnlyDictionary<string, int> CallerOverrides { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> TenantOverrides { get; init; } = new Dictionary<string, int>();

    public int CallerLimit(string caller) => CallerOverrides.TryGetValue(caller, out var n) ? n : PerCaller;

    public int TenantLimit(string tenant) => TenantOverrides.TryGetValue(tenant, out var n) ? n : PerTenant;
}
