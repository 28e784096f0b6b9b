using System.Globalization;
using Acteon.Silo.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Acteon.Silo.Reminders;

/// <summary>Orleans' reminder table in the shared PostgreSQL store; every silo of the service reads and writes it.</summary>
internal sealed class PostgresReminderTable(PostgresDatabase db, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private readonly string _serviceId = cluster.Value.ServiceId;

    /// <summary>
    /// Moves reminders of the old runtime (<see cref="LegacyReminder"/>) in, once: in one transaction under the
    /// migration's advisory lock, so that silos starting together move them once.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        db.RunAsync(async () =>
        {
            await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresSchema.LockKey});", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var exists = new NpgsqlCommand("SELECT to_regclass('reminders_v1') IS NOT NULL;", connection, transaction))
            {
                if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
                {
                    return 0;
                }
            }

            var legacy = new List<LegacyReminder>();
            await using (var read = new NpgsqlCommand(LegacyReminder.Select + ";", connection, transaction))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    legacy.Add(LegacyReminder.Read(reader));
                }
            }

            foreach (var reminder in legacy)
            {
                var (sql, values) = Insert(reminder.ToEntry(), "ON CONFLICT DO NOTHING", ReminderRows.NewETag());
                await using var insert = new NpgsqlCommand(sql, connection, transaction);
                foreach (var value in values)
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var drop = new NpgsqlCommand("DROP TABLE reminders_v1;", connection, transaction))
            {
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return legacy.Count;
        });

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id=$1 AND grain_id=$2;", grainId.ToString());

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id=$1 AND {ReminderRange.Condition(begin, end, "grain_hash", "$2", "$3")};",
            (long)begin, (long)end);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id=$1 AND grain_id=$2 AND name=$3;", grainId.ToString(), reminderName);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) =>
        db.RunAsync<string?>(async () =>
        {
            var etag = ReminderRows.NewETag();
            var (sql, values) = Insert(entry, """
                ON CONFLICT (service_id, grain_id, name) DO UPDATE SET
                    start_at=excluded.start_at, period_ticks=excluded.period_ticks, grain_hash=excluded.grain_hash, etag=excluded.etag
                """, etag);
            await using var command = db.Command(sql, values);
            await command.ExecuteNonQueryAsync();
            return etag.ToString(CultureInfo.InvariantCulture);
        });

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("DELETE FROM reminders WHERE service_id=$1 AND grain_id=$2 AND name=$3 AND etag=$4;",
                _serviceId, grainId.ToString(), reminderName, ReminderRows.ParseETag(eTag));
            return await command.ExecuteNonQueryAsync() == 1;
        });

    public Task TestOnlyClearTable() =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("DELETE FROM reminders WHERE service_id=$1;", _serviceId);
            return await command.ExecuteNonQueryAsync();
        });

    /// <summary>The insert of one reminder row: its SQL and parameter values.</summary>
    private (string Sql, object[] Values) Insert(ReminderEntry entry, string onConflict, long etag) => ($"""
        INSERT INTO reminders (service_id, grain_id, name, start_at, period_ticks, grain_hash, etag) VALUES ($1, $2, $3, $4, $5, $6, $7)
        {onConflict};
        """, [_serviceId, entry.GrainId.ToString(), entry.ReminderName, entry.StartAt.ToUniversalTime().Ticks, entry.Period.Ticks,
        ReminderRange.Hash(entry.GrainId), etag]);

    private Task<ReminderTableData> ReadAsync(string sql, params object[] parameters) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command(sql, [_serviceId, .. parameters]);
            await using var reader = await command.ExecuteReaderAsync();
            return await ReminderRows.ReadAllAsync(reader);
        });
}
