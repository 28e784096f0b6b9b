using System.Globalization;
using Acteon.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Acteon.Silo.Reminders;

/// <summary>Orleans' reminder table in the embedded SQLite store (writes go through its group-commit writer).</summary>
internal sealed class SqliteReminderTable(SqliteDatabase db, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private readonly string _serviceId = cluster.Value.ServiceId;

    /// <summary>Moves reminders of the old runtime (<see cref="LegacyReminder"/>) in, once, in one transaction.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        db.WriteAsync(connection =>
        {
            var exists = SqliteDatabase.Command(connection, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='reminders_v1';");
            if (exists.ExecuteScalar() is null)
            {
                return 0;
            }

            var legacy = new List<LegacyReminder>();
            using (var read = connection.CreateCommand())
            {
                read.CommandText = LegacyReminder.Select + ";";
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    legacy.Add(LegacyReminder.Read(reader));
                }
            }

            foreach (var reminder in legacy)
            {
                Upsert(connection, reminder.ToEntry(), "ON CONFLICT DO NOTHING");
            }

            SqliteDatabase.Execute(connection, "DROP TABLE reminders_v1;");
            return legacy.Count;
        }, cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        db.ReadAsync(connection =>
        {
            var command = Command(connection, $"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id=$s AND grain_id=$g;");
            command.Parameters.AddWithValue("$g", grainId.ToString());
            using var reader = command.ExecuteReader();
            return ReminderRows.ReadAll(reader);
        }, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        db.ReadAsync(connection =>
        {
            var command = Command(connection,
                $"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id=$s AND {ReminderRange.Condition(begin, end, "grain_hash", "$b", "$e")};");
            command.Parameters.AddWithValue("$b", (long)begin);
            command.Parameters.AddWithValue("$e", (long)end);
            using var reader = command.ExecuteReader();
            return ReminderRows.ReadAll(reader);
        }, CancellationToken.None);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        db.ReadAsync(connection =>
        {
            var command = Command(connection, $"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id=$s AND grain_id=$g AND name=$n;");
            command.Parameters.AddWithValue("$g", grainId.ToString());
            command.Parameters.AddWithValue("$n", reminderName);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReminderRows.Read(reader) : null;
        }, CancellationToken.None);

    public Task<string?> UpsertRow(ReminderEntry entry) =>
        db.WriteAsync<string?>(connection => Upsert(connection, entry, """
            ON CONFLICT (service_id, grain_id, name) DO UPDATE SET
                start_at=excluded.start_at, period_ticks=excluded.period_ticks, grain_hash=excluded.grain_hash, etag=excluded.etag
            """), CancellationToken.None);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        db.WriteAsync(connection =>
        {
            var command = Command(connection, "DELETE FROM reminders WHERE service_id=$s AND grain_id=$g AND name=$n AND etag=$etag;");
            command.Parameters.AddWithValue("$g", grainId.ToString());
            command.Parameters.AddWithValue("$n", reminderName);
            command.Parameters.AddWithValue("$etag", ReminderRows.ParseETag(eTag));
            return command.ExecuteNonQuery() == 1;
        }, CancellationToken.None);

    public Task TestOnlyClearTable() =>
        db.WriteAsync(connection =>
        {
            var command = Command(connection, "DELETE FROM reminders WHERE service_id=$s;");
            return command.ExecuteNonQuery();
        }, CancellationToken.None);

    private string Upsert(SqliteConnection connection, ReminderEntry entry, string onConflict)
    {
        var command = Command(connection, $"""
            INSERT INTO reminders (service_id, grain_id, name, start_at, period_ticks, grain_hash, etag) VALUES ($s, $g, $n, $start, $period, $hash, $etag)
            {onConflict};
            """);
        var etag = ReminderRows.NewETag();
        command.Parameters.AddWithValue("$g", entry.GrainId.ToString());
        command.Parameters.AddWithValue("$n", entry.ReminderName);
        command.Parameters.AddWithValue("$start", entry.StartAt.ToUniversalTime().Ticks);
        command.Parameters.AddWithValue("$period", entry.Period.Ticks);
        command.Parameters.AddWithValue("$hash", ReminderRange.Hash(entry.GrainId));
        command.Parameters.AddWithValue("$etag", etag);
        command.ExecuteNonQuery();
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The connection's prepared command, bound to this service; not to be disposed.</summary>
    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = SqliteDatabase.Command(connection, sql);
        command.Parameters.AddWithValue("$s", _serviceId);
        return command;
    }
}
