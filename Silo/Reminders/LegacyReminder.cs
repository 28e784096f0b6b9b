namespace Acteon.Silo.Reminders;

/// <summary>
/// A reminder of the runtime before Orleans (table <c>reminders_v1</c>, kept by the schema step that moved to Orleans):
/// moved into Orleans' reminder table when the table starts, so that actions scheduled before an upgrade still fire.
/// The grains and their state are the same (<c>scheduled-action/{key}</c>); only the reminder row changes shape.
/// </summary>
internal sealed record LegacyReminder(string GrainType, string GrainKey, string Name, long DueAtTicks, long PeriodTicks)
{
    public const string Select = "SELECT grain_type, grain_key, name, due_at, period_ticks FROM reminders_v1";

    /// <summary>The old one-shot reminders had no period; Orleans' need one (the grain removes its reminder once done).</summary>
    private static readonly TimeSpan OneShotPeriod = TimeSpan.FromMinutes(1);

    public GrainId GrainId => GrainId.Create(GrainType, GrainKey);

    /// <summary>A row of <see cref="Select"/>.</summary>
    public static LegacyReminder Read(System.Data.Common.DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4));

    public ReminderEntry ToEntry() => new()
    {
        GrainId = GrainId,
        ReminderName = Name,
        StartAt = new DateTime(DueAtTicks, DateTimeKind.Utc),
        Period = PeriodTicks > 0 ? TimeSpan.FromTicks(PeriodTicks) : OneShotPeriod,
    };
}
