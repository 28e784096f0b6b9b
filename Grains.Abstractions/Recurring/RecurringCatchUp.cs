namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>Values of <c>catch_up</c>: missed occurrences (due longer ago than <c>[recurring] missed_after_seconds</c>) are skipped, or the latest of them runs once.</summary>
public static class RecurringCatchUp
{
    public const string None = "none";
    public const string Last = "last";
}
