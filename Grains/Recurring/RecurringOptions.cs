namespace Acteon.Grains.Recurring;

/// <summary><c>[recurring]</c> in acteon.toml.</summary>
public sealed class RecurringOptions
{
    /// <summary><c>min_interval_seconds</c>: the shortest gap allowed between two occurrences of one recurring action.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>missed_after_seconds</c>: an occurrence whose tick comes later than this after its time counts as missed
    /// (no node was there to run it); missed occurrences are skipped, or with <c>catch_up = "last"</c> the latest runs once.
    /// A later but not missed occurrence still runs.
    /// </summary>
    public TimeSpan MissedAfter { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// <c>retry_seconds</c>: the period of each recurring action's reminder. The reminder's first tick is at the next
    /// occurrence; it repeats at this period only when a tick did not finish (store unreachable, a node died) or
    /// when a node took over the reminder, so it bounds how late an occurrence runs after a take-over.
    /// </summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(60);
}
