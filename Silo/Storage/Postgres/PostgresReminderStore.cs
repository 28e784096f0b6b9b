using Acteon.Grains.Abstractions.Runtime;
using Npgsql;

namespace Acteon.Silo.Storage.Postgres;

/// <summary>
/// Reminders leased with <c>FOR UPDATE SKIP LOCKED</c>: concurrent claimers never wait on each other and never
/// take the same row; a lease that has run out (its node died) is claimable again. Every registration notifies
/// <see cref="PostgresDatabase.ReminderChannel"/>, so the other nodes re-read their next due time at once.
/// </summary>
internal sealed class PostgresReminderStore(PostgresDatabase db) : IReminderStore
{
    private const string Columns = "grain_type, grain_key, name, due_at, period_ticks, version";
    private const string Key = "grain_type=$1 AND grain_key=$2 AND name=$3";

    public Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken)
    {
        var entry = new ReminderEntry(grainId, name, dueAt, period, Guid.NewGuid().ToString("N"));
        return db.RunAsync(async () =>
        {
            await using var command = db.Command($"""
                WITH upsert AS (
                    INSERT INTO reminders ({Columns}, lease_owner, lease_until) VALUES ($1, $2, $3, $4, $5, $6, NULL, 0)
                    ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
                        due_at=excluded.due_at, period_ticks=excluded.period_ticks, version=excluded.version, lease_owner=NULL, lease_until=0
                    RETURNING 1)
                SELECT pg_notify('{PostgresDatabase.ReminderChannel}', $4::text) FROM upsert;
                """, grainId.Type, grainId.Key, name, dueAt.UtcTicks, period.Ticks, entry.Version);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return entry;
        });
    }

    public Task RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command($"DELETE FROM reminders WHERE {Key};", grainId.Type, grainId.Key, name);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task<ReminderEntry?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command($"SELECT {Columns} FROM reminders WHERE {Key};", grainId.Type, grainId.Key, name);
            var rows = await ReadAsync(command, cancellationToken);
            return rows.Count == 0 ? null : rows[0];
        });

    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        db.RunAsync<IReadOnlyList<ReminderEntry>>(async () =>
        {
            await using var command = db.Command($"""
                UPDATE reminders r SET lease_owner=$1, lease_until=$2
                FROM (SELECT grain_type, grain_key, name FROM reminders
                      WHERE due_at <= $3 AND (lease_owner IS NULL OR lease_until <= $3)
                      ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
                WHERE r.grain_type=due.grain_type AND r.grain_key=due.grain_key AND r.name=due.name
                RETURNING r.grain_type, r.grain_key, r.name, r.due_at, r.period_ticks, r.version;
                """, owner, (now + lease).UtcTicks, now.UtcTicks, max);
            return await ReadAsync(command, cancellationToken);
        });

    public Task CompleteAsync(ReminderEntry fired, DateTimeOffset? nextDue, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = nextDue is { } due
                ? db.Command($"UPDATE reminders SET due_at=$5, lease_owner=NULL, lease_until=0 WHERE {Key} AND version=$4;",
                    fired.GrainId.Type, fired.GrainId.Key, fired.Name, fired.Version, due.UtcTicks)
                : db.Command($"DELETE FROM reminders WHERE {Key} AND version=$4;", fired.GrainId.Type, fired.GrainId.Key, fired.Name, fired.Version);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("SELECT MIN(due_at) FROM reminders;");
            return await command.ExecuteScalarAsync(cancellationToken) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        });

    private static async Task<List<ReminderEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                TimeSpan.FromTicks(reader.GetInt64(4)),
                reader.GetString(5)));
        }

        return rows;
    }
}
