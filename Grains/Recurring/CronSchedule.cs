using System.Globalization;
using Acteon.Grains.Abstractions;
using Cronos;

namespace Acteon.Grains.Recurring;

/// <summary>
/// A cron expression read in an IANA time zone (Cronos: a local time skipped by a DST change runs at the end of the
/// gap, an ambiguous one once). Occurrences are UTC instants.
/// </summary>
public sealed class CronSchedule
{
    /// <summary>How many consecutive occurrences the minimum-interval check looks at; cron patterns repeat within it.</summary>
    private const int IntervalProbe = 1_000;

    private readonly CronExpression _cron;
    private readonly TimeZoneInfo _zone;

    private CronSchedule(CronExpression cron, TimeZoneInfo zone) => (_cron, _zone) = (cron, zone);

    /// <summary>A schedule known to be valid (stored definitions were validated when written).</summary>
    public static CronSchedule Of(string cronExpr, string timeZone) =>
        TryParseCron(cronExpr, out var cron, out var error) && TryFindZone(timeZone, out var zone)
            ? new CronSchedule(cron!, zone!)
            : throw new ArgumentException(error ?? $"unknown time zone '{timeZone}'");

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        _cron.GetNextOccurrence(after.UtcDateTime, _zone) is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;

    /// <summary>5 fields (minute first), or 6 with seconds first; null when valid, else what is wrong.</summary>
    public static bool TryParseCron(string text, out CronExpression? cron, out string? error)
    {
        cron = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (!text.StartsWith('@') && fields is not (5 or 6))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"must have 5 fields (minute hour day month weekday) or 6 (seconds first), not {fields}");
            return false;
        }

        try
        {
            cron = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            error = null;
            return true;
        }
        catch (CronFormatException e)
        {
            error = $"is not a valid cron expression: {e.Message}";
            return false;
        }
    }

    /// <summary>IANA ids only (<c>US/Eastern</c>, <c>Europe/Paris</c>, <c>UTC</c>).</summary>
    public static bool TryFindZone(string id, out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }

    /// <summary>
    /// Null when every gap between consecutive occurrences (over the next <see cref="IntervalProbe"/>, from
    /// <paramref name="from"/>) is at least <paramref name="minimum"/>; else the message for the cron field.
    /// </summary>
    public string? CheckInterval(DateTimeOffset from, TimeSpan minimum)
    {
        var previous = NextAfter(from);
        for (var i = 0; previous is { } p && i < IntervalProbe; i++)
        {
            if (NextAfter(p) is not { } next)
            {
                break;
            }

            if (next - p < minimum)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"runs {(next - p).TotalSeconds:0.###} s apart ({JsonTime.Format(p)} and {JsonTime.Format(next)}); occurrences must be at least {minimum.TotalSeconds:0} s apart ([recurring] min_interval_seconds)");
            }

            previous = next;
        }

        return null;
    }
}
