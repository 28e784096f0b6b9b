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
    /// only binds and inserts.
    /// </remarks>
    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
        Task.WhenAll(records.Chunk(Chunk).Select(chunk =>
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
        }));

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
