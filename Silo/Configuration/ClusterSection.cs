namespace Acteon.Silo.Configuration;

/// <summary>Reads <c>[cluster]</c>; its membership default follows <c>[state]</c> (PostgreSQL state: PostgreSQL membership).</summary>
internal static class ClusterSection
{
    public static ClusterConfig Read(TomlSection s, StateConfig state)
    {
        s.AllowOnly("role", "cluster_id", "service_id", "membership", "redis_url", "silo_port", "gateway_port", "advertised_address",
            "silo_name", "idle_timeout_seconds", "dashboard");
        var d = new ClusterConfig();
        var defaultMembership = state.Backend == StateConfig.Postgres ? ClusterConfig.PostgresMembership : ClusterConfig.LocalMembership;
        var membership = s.OneOf("membership", defaultMembership, ClusterConfig.LocalMembership, ClusterConfig.PostgresMembership, ClusterConfig.RedisMembership);
        var redisUrl = s.String("redis_url");
        if (membership == ClusterConfig.RedisMembership && string.IsNullOrWhiteSpace(redisUrl))
        {
            throw s.Error("redis_url", "is required when membership = \"redis\" (for example \"127.0.0.1:6379\")");
        }

        if (redisUrl is not null && RedisUrlProblem(redisUrl) is { } problem)
        {
            throw s.Error("redis_url", $"is not a Redis connection string (for example \"127.0.0.1:6379\"): {problem}");
        }

        if (membership == ClusterConfig.PostgresMembership && state.Backend != StateConfig.Postgres)
        {
            throw s.Error("membership", "= \"postgres\" needs [state] backend = \"postgres\" (the membership table lives in that database)");
        }

        var address = s.String("advertised_address");
        if (address is not null && !System.Net.IPAddress.TryParse(address, out _))
        {
            throw s.Error("advertised_address", $"must be an IP address (the one other silos reach this one on), not \"{address}\"");
        }

        var role = s.OneOf("role", ClusterConfig.SiloRole, ClusterConfig.SiloRole, ClusterConfig.ClientRole);
        if (role == ClusterConfig.ClientRole && membership == ClusterConfig.LocalMembership)
        {
            throw s.Error("role", "= \"client\" needs a cluster to join: set membership = \"postgres\" or \"redis\"");
        }

        return new ClusterConfig
        {
            Role = role,
            ClusterId = s.String("cluster_id") ?? d.ClusterId,
            ServiceId = s.String("service_id") ?? d.ServiceId,
            Membership = membership,
            RedisUrl = redisUrl,
            SiloPort = (int)(s.Integer("silo_port", 0, 65535) ?? d.SiloPort),
            GatewayPort = (int)(s.Integer("gateway_port", 0, 65535) ?? d.GatewayPort),
            AdvertisedAddress = address ?? d.AdvertisedAddress,
            SiloName = s.String("silo_name") ?? d.SiloName,
            IdleTimeout = s.Seconds("idle_timeout_seconds", 61, 86_400) ?? d.IdleTimeout,
            Dashboard = s.Bool("dashboard") ?? d.Dashboard,
        };
    }

    private static string? RedisUrlProblem(string url)
    {
        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(url).EndPoints.Count == 0 ? "it names no host" : null;
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }
    }
}
