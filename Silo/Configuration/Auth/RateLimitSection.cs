using Acteon.Silo.Configuration.Toml;

namespace Acteon.Silo.Configuration.Auth;

internal static class RateLimitSection
{
    private const int MaxLimit = 100_000_000;

    public static RateLimitConfig Read(TomlSection s, string file)
    {
        s.AllowOnly("enabled", "window_seconds", "per_caller", "per_tenant", "callers", "tenants");
        var d = new RateLimitConfig();
        return new RateLimitConfig
        {
            Enabled = s.Bool("enabled") ?? s.Table.Count > 0,
            Window = s.Seconds("window_seconds", 1, 86_400) ?? d.Window,
            PerCaller = (int)(s.Integer("per_caller", 0, MaxLimit) ?? d.PerCaller),
            PerTenant = (int)(s.Integer("per_tenant", 0, MaxLimit) ?? d.PerTenant),
            CallerOverrides = Overrides(s, file, "callers"),
            TenantOverrides = Overrides(s, file, "tenants"),
        };
    }

    /// <summary><c>[rate_limit.callers]</c> / <c>[rate_limit.tenants]</c>: name = limit.</summary>
    private static Dictionary<string, int> Overrides(TomlSection s, string file, string key)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!s.Table.TryGetValue(key, out var value))
        {
            return result;
        }

        var table = value as TomlTable ?? throw s.Error(key, $"must be a table ([rate_limit.{key}] with name = limit)");
        var section = new TomlSection(table, file, $"rate_limit.{key}");
        foreach (var name in table.Keys)
        {
            result[name] = (int)section.Integer(name, 0, MaxLimit)!.Value;
        }

        return result;
    }
}
