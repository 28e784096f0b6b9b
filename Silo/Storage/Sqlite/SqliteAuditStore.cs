using System.Text.Json;
using Acteon.Grains.Abstractions.Audit;
using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteAuditStore(SqliteDatabase db) : IAuditStore
{
    private const string Insert = """
        INSERT INTO audit (id, action_id, chain_id, namespace, tenant, provider, action_type, verdict, matched_rule, outcome, caller_id, dispatched_at, record, expires_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT (id) DO NOTHING;
        """;

    /// <summary>Rows per background write: a request's write waits behind at most one of them.</summary>
    private const int Chunk = 64;

    /// <remarks>
    /// The records are serialized here, on the caller's thread: the one writer thread is the store's serial part, so it
    /// only binds and inserts. A chunk that fails rolls back alone; the others are stored.
    /// </remarks>
    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(records.Chunk(Chunk).Select(chunk => AppendChunkAsync(chunk, cancellationToken)));
        }
        catch (Exception error) when (IsRejection(error))
        {
            throw new AuditRecordRejectedException($"SQLite rejected the record: {error.Message}", error);
        }
    }

    private Task<int> AppendChunkAsync(AuditRecord[] chunk, CancellationToken cancellationToken)
    {
        var json = Array.ConvertAll(chunk, r => JsonSerializer.SerializeToUtf8Bytes(r, AuditJsonContext.Default.AuditRecord));
        return db.WriteAsync(connection =>
        {
            var statement = SqliteDatabase.Statement(connection, Insert);
            for (var i = 0; i < chunk.Length; i++)
            {
                var r = chunk[i];
                try
                {
                    statement.Bind(1, r.Id).Bind(2, r.ActionId).Bind(3, r.ChainId).Bind(4, r.Namespace).Bind(5, r.Tenant)
                        .Bind(6, r.Provider).Bind(7, r.ActionType).Bind(8, r.Verdict).Bind(9, r.MatchedRule).Bind(10, r.Outcome)
                        .Bind(11, r.CallerId).Bind(12, r.DispatchedAt.UtcTicks)
                        .BindUtf8(13, json[i])
                        .Bind(14, r.ExpiresAt?.UtcTicks)
                        .Step();
                }
                finally
                {
                    statement.Reset();
                }
            }

            return chunk.Length;
        }, cancellationToken, background: true);
    }

    /// <summary>The record's own content is at fault (it cannot be serialized, or SQLite refuses it): writing it again fails again.</summary>
    private static bool IsRejection(Exception error) => error switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is 18 or 19 or 20 or 25, // TOOBIG, CONSTRAINT, MISMATCH, RANGE
        JsonException or InvalidOperationException or ArgumentException => error is not ObjectDisposedException,
        _ => false,
    };

    public Task AppendDeadLetterAsync(AuditDeadLetter letter, int capacity, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var insert = SqliteDatabase.Command(connection, """
                INSERT INTO audit_dead_letter (record_id, action_id, namespace, tenant, provider, action_type, outcome, dispatched_at, failed_at, reason, record)
                VALUES ($id, $action, $ns, $tenant, $provider, $type, $outcome, $dispatched, $failed, $reason, $record) ON CONFLICT (record_id) DO NOTHING;
                DELETE FROM audit_dead_letter WHERE seq <= (SELECT MAX(seq) FROM audit_dead_letter) - $capacity;
                """);
            insert.Parameters.AddWithValue("$id", letter.RecordId);
            insert.Parameters.AddWithValue("$action", letter.ActionId);
            insert.Parameters.AddWithValue("$ns", letter.Namespace);
            insert.Parameters.AddWithValue("$tenant", letter.Tenant);
            insert.Parameters.AddWithValue("$provider", letter.Provider);
            insert.Parameters.AddWithValue("$type", letter.ActionType);
            insert.Parameters.AddWithValue("$outcome", letter.Outcome);
            insert.Parameters.AddWithValue("$dispatched", letter.DispatchedAt.UtcTicks);
            insert.Parameters.AddWithValue("$failed", letter.FailedAt.UtcTicks);
            insert.Parameters.AddWithValue("$reason", letter.Reason);
            insert.Parameters.AddWithValue("$record", letter.Record);
            insert.Parameters.AddWithValue("$capacity", capacity);
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    public Task<AuditDeadLetterPage> ReadDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        db.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM audit_dead_letter;";
            var total = (long)command.ExecuteScalar()!;
            command.CommandText = """
                SELECT record_id, action_id, namespace, tenant, provider, action_type, outcome, dispatched_at, failed_at, reason, record
                FROM audit_dead_letter ORDER BY seq DESC LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var letters = new List<AuditDeadLetter>();
            while (reader.Read())
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
        }, cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, "DELETE FROM audit WHERE expires_at IS NOT NULL AND expires_at <= $now;");
            command.Parameters.AddWithValue("$now", now.UtcTicks);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken) =>
        db.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            var where = AuditFilterSql.Where(query, value =>
            {
                var name = "$p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(name, value);
                return name;
            });
            command.CommandText = $"SELECT COUNT(*) FROM audit{where};";
            var total = (long)command.ExecuteScalar()!;
            command.CommandText = $"SELECT record FROM audit{where} ORDER BY dispatched_at DESC, id DESC LIMIT $limit OFFSET $offset;";
            command.Parameters.AddWithValue("$limit", query.Limit);
            command.Parameters.AddWithValue("$offset", query.Offset);
            return new AuditPage(ReadRecords(command), total);
        }, cancellationToken);

    public Task<AuditRecord?> GetByActionIdAsync(string actionId, CancellationToken cancellationToken) =>
        db.ReadAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, "SELECT record FROM audit WHERE action_id=$a ORDER BY dispatched_at DESC, id DESC LIMIT 1;");
            command.Parameters.AddWithValue("$a", actionId);
            return ReadRecords(command).FirstOrDefault();
        }, cancellationToken);

    private static List<AuditRecord> ReadRecords(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<AuditRecord>();
        while (reader.Read())
        {
            records.Add(JsonSerializer.Deserialize(reader.GetString(0), AuditJsonContext.Default.AuditRecord)!);
        }

        return records;
    }
}
