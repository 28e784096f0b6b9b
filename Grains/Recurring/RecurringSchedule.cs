using Acteon.Grains.Abstractions.Recurring;

namespace Acteon.Grains.Recurring;

/// <summary>When a recurring action runs next, with <c>end_date</c> and <c>max_executions</c> applied.</summary>
internal static class RecurringSchedule
{
    /// <summary>The first occurrence after <paramref name="after"/> that may still run, or null when the action has ended.</summary>
    public static DateTimeOffset? NextAfter(RecurringDefinition definition, DateTimeOffset after, long executionCount)
    {
        if (definition.MaxExecutions is { } max && executionCount >= max)
        {
            return null;
        }

        var next = CronSchedule.Of(definition.CronExpr, definition.TimeZone).NextAfter(after);
        return next is { } n && definition.EndDate is { } end && n > end ? null : next;
    }

    /// <summary>
    /// Walks the occurrences from <paramref name="due"/> that are older than <paramref name="missedBefore"/>: the
    /// latest of them, how many there were, and the first occurrence after them (null when the action has ended).
    /// </summary>
    public static (DateTimeOffset LatestMissed, long Count, DateTimeOffset? Following) Missed(
        RecurringDefinition definition, DateTimeOffset due, DateTimeOffset missedBefore, long executionCount)
    {
        var schedule = CronSchedule.Of(definition.CronExpr, definition.TimeZone);
        var latest = due;
        var count = 1L;
        var following = schedule.NextAfter(due);
        while (following is { } f && f < missedBefore && (definition.EndDate is not { } end || f <= end))
        {
            latest = f;
            count++;
            following = schedule.NextAfter(f);
        }

        if (following is { } last && definition.EndDate is { } endDate && last > endDate)
        {
            following = null;
        }

        return (latest, count, definition.MaxExecutions is { } max && executionCount >= max ? null : following);
    }
}
