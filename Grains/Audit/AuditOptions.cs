namespace Acteon.Grains.Audit;

/// <summary><c>[audit]</c>.</summary>
public sealed class AuditOptions
{
    public bool Enabled { get; set; } = true;
    public bool StorePayload { get; set; } = true;
    public TimeSpan Ttl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Records waiting to be written; when full, dispatch waits (records are never dropped).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long the writer lets records gather before a write that would hold fewer than <see cref="BatchSize"/>
    /// (zero: write at once). Records are written off the request path, so the wait delays nobody; fewer, fuller
    /// writes rewrite the audit indexes' last pages far less often.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Rejected records kept in the dead-letter table; beyond it the oldest are deleted.</summary>
    public int DeadLetterCapacity { get; set; } = 10_000;

    /// <summary>Records waiting past which <c>/health/ready</c> answers 503; null: half of <see cref="QueueCapacity"/>.</summary>
    public int? ReadinessBacklog { get; set; }

    public int EffectiveReadinessBacklog => ReadinessBacklog ?? Math.Max(1, QueueCapacity / 2);
}
