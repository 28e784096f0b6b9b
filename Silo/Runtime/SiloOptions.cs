namespace Acteon.Silo.Runtime;

/// <summary>Settings of the grain runtime (<c>[silo]</c> in acteon.toml).</summary>
public sealed class SiloOptions
{
    /// <summary>This node's id in the membership table; unique per process.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    public string Address { get; set; } = "127.0.0.1";

    /// <summary>An activation with no call for this long is deactivated.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Above this many live activations the least recently used idle ones are deactivated.</summary>
    public int MaxActivations { get; set; } = 50_000;

    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a call that lost a state compare-and-swap is retried after reloading the state.</summary>
    public int MaxConflictRetries { get; set; } = 5;

    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed reminder belongs to this node before another may take it over.</summary>
    public TimeSpan ReminderLease { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often expired grain state and audit records are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A node whose last heartbeat is older than this is shown as dead.</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(30);
}
