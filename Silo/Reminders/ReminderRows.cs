using System.Data.Common;
using System.Globalization;

namespace Acteon.Silo.Reminders;

/// <summary>Reads reminder rows (grain_id, name, start_at ticks, period ticks, etag), the same columns in every store.</summary>
internal static class ReminderRows
{
    public const string Columns = "grain_id, name, start_at, period_ticks, etag";

    public static ReminderEntry Read(DbDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
        ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
    };

    public static ReminderTableData ReadAll(DbDataReader reader)
    {
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(Read(reader));
        }

        return new ReminderTableData(entries);
    }

    public static async Task<ReminderTableData> ReadAllAsync(DbDataReader reader)
    {
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(Read(reader));
        }

        return new ReminderTableData(entries);
    }

    /// <summary>A new ETag for every write: a reminder removed and registered again never reuses one an old caller holds.</summary>
    public static long NewETag() => Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>An ETag that is not ours never matches a stored one.</summary>
    public static long ParseETag(string? etag) => long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
}
