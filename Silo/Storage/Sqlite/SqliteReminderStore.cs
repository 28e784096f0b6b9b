using Acteon.Grains.Abstractions.Runtime;
using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteReminderStore(SqliteDatabase db) : IReminderStore
{
    private const string Columns = "grain_type, grain_key, name, due_at, period_ticks, version";

    public Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken)
    {
        var entry = new ReminderEntry(grainId, name, dueAt, period, Guid.NewGuid().ToString("N"));
        return db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, $"""
                INSERT INTO reminders ({Columns}, lease_owner, lease_until) VALUES ($t, $k, $n, $due, $p, $v, NULL, 0)
                ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
                    due_at=excluded.due_at, period_ticks=excluded.period_ticks, version=excluded.version, lease_owner=NULL, lease_until=0;
                """);
            AddKey(command, grainId, name);
            command.Parameters.AddWithValue("$due", dueAt.UtcTicks);
            command.Parameters.AddWithValue("$p", period.Ticks);
            command.Parameters.AddWithValue("$v", entry.Version);
            command.ExecuteNonQuery();
            return entry;
        }, cancellationToken);
    }

    public Task RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, "DELETE FROM reminders WHERE grain_type=$t AND grain_key=$k AND name=$n;");
            AddKey(command, grainId, name);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<ReminderEntry?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        db.ReadAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, $"SELECT {Columns} FROM reminders WHERE grain_type=$t AND grain_key=$k AND name=$n;");
            AddKey(command, grainId, name);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadEntry(reader) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        db.WriteAsync<IReadOnlyList<ReminderEntry>>(connection =>
        {
            var command = SqliteDatabase.Command(connection, $"""
                UPDATE reminders SET lease_owner=$o, lease_until=$until
                WHERE rowid IN (SELECT rowid FROM reminders WHERE due_at <= $now AND (lease_owner IS NULL OR lease_until <= $now) ORDER BY due_at LIMIT $max)
                RETURNING {Columns};
                """);
            command.Parameters.AddWithValue("$o", owner);
            command.Parameters.AddWithValue("$until", (now + lease).UtcTicks);
            command.Parameters.AddWithValue("$now", now.UtcTicks);
            command.Parameters.AddWithValue("$max", max);
            using var reader = command.ExecuteReader();
            var claimed = new List<ReminderEntry>();
            while (reader.Read())
            {
                claimed.Add(ReadEntry(reader));
            }

            return claimed;
        }, cancellationToken);

    public Task CompleteAsync(ReminderEntry fired, DateTimeOffset? nextDue, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, nextDue is null
                ? "DELETE FROM reminders WHERE grain_type=$t AND grain_key=$k AND name=$n AND version=$v;"
                : "UPDATE reminders SET due_at=$due, lease_owner=NULL, lease_until=0 WHERE grain_type=$t AND grain_key=$k AND name=$n AND version=$v;");
            AddKey(command, fired.GrainId, fired.Name);
            command.Parameters.AddWithValue("$v", fired.Version);
            if (nextDue is { } due)
            {
                command.Parameters.AddWithValue("$due", due.UtcTicks);
            }

            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, "SELECT MIN(due_at) FROM reminders;");
            return command.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        }, cancellationToken);

    private static void AddKey(SqliteCommand command, GrainId grainId, string name)
    {
        command.Parameters.AddWithValue("$t", grainId.Type);
        command.Parameters.AddWithValue("$k", grainId.Key);
        command.Parameters.AddWithValue("$n", name);
    }

    private static ReminderEntry ReadEntry(SqliteDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
        TimeSpan.FromTicks(reader.GetInt64(4)),
        reader.GetString(5));
}
