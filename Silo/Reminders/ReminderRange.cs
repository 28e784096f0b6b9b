namespace Acteon.Silo.Reminders;

/// <summary>
/// The ring range Orleans asks a reminder table for: hashes in (begin, end], or, when begin is not below end, the
/// range that wraps past the top of the ring: above begin or at most end (begin == end is the whole ring).
/// </summary>
internal static class ReminderRange
{
    /// <summary>The SQL condition on <paramref name="column"/> with parameters <paramref name="begin"/> and <paramref name="end"/>.</summary>
    public static string Condition(uint beginHash, uint endHash, string column, string begin, string end) => beginHash < endHash
        ? $"{column} > {begin} AND {column} <= {end}"
        : $"({column} > {begin} OR {column} <= {end})";

    /// <summary>The grain's place on the ring, as the reminder service reads it.</summary>
    public static long Hash(GrainId grainId) => grainId.GetUniformHashCode();
}
