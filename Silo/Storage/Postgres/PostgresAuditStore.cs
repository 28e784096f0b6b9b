using System.Text.Json;
using Acteon.Grains.Abstractions.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Acteon.Silo.Storage.Postgres;

/// <summary>Audit rows with the filterable fields as columns and the whole record as jsonb.</summary>
internal sealed class PostgresAuditStore(PostgresDatabase db) : IAuditStore
{
    private const string Insert = """
        INSERT INTO audit (id, action_id, chain_id, namespace, tenant, provider, action_type, verdict, matched_rule, outcome, caller_id, dispatched_at, record, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING;
        """;

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            await InsertAsync(records, cancellationToken);
        }
        catch (Exception error) when (IsRejection(error))
        {
            throw new AuditRecordRejectedException($"PostgreSQL rejected the record: {error.Message}", error);
        }
    }

    /// <summary>
    /// The records' own content is at fault: they cannot be serialized, or PostgreSQL refuses them (data exceptions such as
    /// text it cannot store, constraint violations, an error raised by a trigger, a row past a limit).
    /// </summary>
    private static bool IsRejection(Exception error) => error switch
    {
        PostgresException pg => pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("54", StringComparison.Ordinal) || pg.SqlState == "P0001",
        JsonException or InvalidOperationException or ArgumentException => error is not ObjectDisposedException,
        _ => false,
    };

    public Task AppendDeadLetterAsync(AuditDeadLetter letter, int capacity, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("""
                WITH inserted AS (
                    INSERT INTO audit_dead_letter (record_id, action_id, namespace, tenant, provider, action_type, outcome, dispatched_at, failed_at, reason, record)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (record_id) DO NOTHING RETURNING seq)
                DELETE FROM audit_dead_letter WHERE seq <= (SELECT COALESCE(MAX(seq), 0) FROM inserted) - $12;
                """, letter.RecordId, letter.ActionId, letter.Namespace, letter.Tenant, letter.Provider, letter.ActionType, letter.Outcome,
                letter.DispatchedAt.UtcTicks, letter.FailedAt.UtcTicks, letter.Reason, letter.Record, (long)capacity);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task<AuditDeadLetterPage> ReadDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var count = db.Command("SELECT COUNT(*) FROM audit_dead_letter;");
            var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            await using var select = db.Command("""
                SELECT record_id, action_id, namespace, tenant, provider, action_type, outcome, dispatched_at, failed_at, reason, record
                FROM audit_dead_letter ORDER BY seq DESC LIMIT $1;
                """, limit);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            var letters = new List<AuditDeadLetter>();
            while (await reader.ReadAsync(cancellationToken))
            {
                letters.Add(new AuditDeadLetter
                {
                    RecordId = reader.GetString(0), ActionId = reader.GetString(1), Namespace = reader.GetString(2), Tenant = reader.GetString(3),
                    Provider = reader.GetString(4), ActionType = reader.GetString(5), Outcome = reader.GetString(6),
                    DispatchedAt = new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero), FailedAt = new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero),
                    Reason = reader.GetString(9), Record = reader.GetString(10),
                });
            }

            return new AuditDeadLetterPage(letters, total);
        });

    private Task<int> InsertAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            if (records.Count == 0)
            {
                return 0;
            }

            // One round trip, one implicit transaction: the whole batch is stored or none of it.
            await using var batch = db.DataSource.CreateBatch();
            foreach (var r in records)
            {
                var command = new NpgsqlBatchCommand(Insert);
                object?[] values = [r.Id, r.ActionId, r.ChainId, r.Namespace, r.Tenant, r.Provider, r.ActionType, r.Verdict,
                    r.MatchedRule, r.Outcome, r.CallerId, r.DispatchedAt.UtcTicks];
                foreach (var value in values)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(r, AuditJsonContext.Default.AuditRecord) });
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = r.ExpiresAt is { } x ? x.UtcTicks : DBNull.Value });
                batch.BatchCommands.Add(command);
            }

            return await batch.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("DELETE FROM audit WHERE expires_at IS NOT NULL AND expires_at <= $1;", now.UtcTicks);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            var parameters = new List<object?>();
            var where = AuditFilterSql.Where(query, value =>
            {
                parameters.Add(value);
                return "$" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
            await using var count = db.Command($"SELECT COUNT(*) FROM audit{where};", [.. parameters]);
            var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            var n = parameters.Count;
            parameters.Add(query.Limit);
            parameters.Add(query.Offset);
            await using var select = db.Command($"SELECT record::text FROM audit{where} ORDER BY dispatched_at DESC, id DESC LIMIT ${n + 1} OFFSET ${n + 2};", [.. parameters]);
            return new AuditPage(await ReadRecordsAsync(select, cancellationToken), total);
        });

    public Task<AuditRecord?> GetByActionIdAsync(string actionId, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("SELECT record::text FROM audit WHERE action_id=$1 ORDER BY dispatched_at DESC, id DESC LIMIT 1;", actionId);
            return (await ReadRecordsAsync(command, cancellationToken)).FirstOrDefault();
        });

    private static async Task<List<AuditRecord>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(JsonSerializer.Deserialize(reader.GetString(0), AuditJsonContext.Default.AuditRecord)!);
        }

        return records;
    }
}
