namespace Acteon.Silo.Configuration;

/// <summary><c>[cluster]</c>: what role this process plays in the Orleans cluster and how it finds the others.</summary>
public sealed record ClusterConfig
{
    public const string SiloRole = "silo";
    public const string ClientRole = "client";
    public const string LocalMembership = "local";
    public const string PostgresMembership = "postgres";
    public const string RedisMembership = "redis";

    /// <summary><c>silo</c>: this process hosts grains (co-hosted gateway or worker silo); <c>client</c>: a thin Orleans client of a silo cluster.</summary>
    public string Role { get; init; } = SiloRole;

    public string ClusterId { get; init; } = "acteon";

    /// <summary>Stays the same across deployments: grain state and reminders belong to it.</summary>
    public string ServiceId { get; init; } = "acteon";

    /// <summary>
    /// <c>local</c>: a single silo on its own (the embedded store); <c>postgres</c>: the membership table in <c>[state] url</c>;
    /// <c>redis</c>: Orleans' Redis clustering on <see cref="RedisUrl"/>.
    /// </summary>
    public string Membership { get; init; } = LocalMembership;

    public string? RedisUrl { get; init; }

    /// <summary>Silo-to-silo port; 0 takes a free one (nothing else needs to know it in advance: it is in the membership table).</summary>
    public int SiloPort { get; init; }

    /// <summary>Port Orleans clients connect to; 0: no gateway (no client connects to this silo).</summary>
    public int GatewayPort { get; init; }

    /// <summary>The address other silos and clients reach this one on (in Kubernetes, the pod IP).</summary>
    public string AdvertisedAddress { get; init; } = "127.0.0.1";

    /// <summary>Shown in the membership table and the dashboard; defaults to host name and process id.</summary>
    public string SiloName { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// The Orleans Dashboard: its silo side (it turns on Orleans' own metrics, which costs CPU on every grain call) and
    /// its pages at <c>/orleans/</c> of Gateway.Api.
    /// </summary>
    public bool Dashboard { get; init; } = true;

    /// <summary>An activation with no call for this long is collected.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
