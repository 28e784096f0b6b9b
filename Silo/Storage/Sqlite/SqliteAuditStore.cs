using System.Text.Json;
using Acteon.Grains.Abstractions.Audit;
using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteAuditStore(SqliteDatabase db) : IAuditStore
{
    private static readonly string[] ParameterNames = ["$id", "$a", "$c", "$ns", "$t", "$p", "$at", "$v", "$r", "$o", "$caller", "$d", "$rec", "$x"];

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            // The writer runs each batch in one transaction already.
            var command = SqliteDatabase.Command(connection, """
                INSERT INTO audit (id, action_id, chain_id, namespace, tenant, provider, action_type, verdict, matched_rule, outcome, caller_id, dispatched_at, record, expires_at)
                VALUES ($id, $a, $c, $ns, $t, $p, $at, $v, $r, $o, $caller, $d, $rec, $x) ON CONFLICT (id) DO NOTHING;
                """);
            var p = ParameterNames.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            foreach (var r in records)
            {
                object?[] values = [r.Id, r.ActionId, r.ChainId, r.Namespace, r.Tenant, r.Provider, r.ActionType, r.Verdict,
                    r.MatchedRule, r.Outcome, r.CallerId, r.DispatchedAt.UtcTicks, JsonSerializer.Serialize(r, AuditJsonContext.Default.AuditRecord), r.ExpiresAt?.UtcTicks];
                for (var i = 0; i < p.Length; i++)
                {
                    p[i].Value = values[i] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }

            return records.Count;
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
