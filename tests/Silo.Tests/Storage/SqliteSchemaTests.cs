using System.Text.Json;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Silo.Storage.Sqlite;
using Acteon.Silo.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Open_StoreOfSchemaVersion2_RebuildsTheAuditIndexesAscendingAndKeepsEveryRow()
    {
        using (var old = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            old.Open();
            SqliteSchema.Apply(old, 2);
            foreach (var (id, minute) in new[] { ("a", 1), ("b", 2), ("c", 3) })
            {
                Insert(old, StorageConformanceTests.Audit(id, minute));
            }
        }

        using var db = new SqliteDatabase(_file.Path);
        var store = new SqliteAuditStore(db);

        var page = await store.QueryAsync(new AuditQuery { Namespace = "ns", Tenant = "tenant-1" }, CancellationToken.None);
        Assert.Equal(["c", "b", "a"], page.Records.Select(r => r.Id));
        Assert.Equal(3, page.Total);
        Assert.Equal("b", (await store.GetByActionIdAsync("action-b", CancellationToken.None))?.Id);
        var indexes = await db.ReadAsync(c => IndexSql(c), CancellationToken.None);
        Assert.Equal(
            ["CREATE INDEX ix_audit_action ON audit (action_id, dispatched_at)",
             "CREATE INDEX ix_audit_dispatched ON audit (dispatched_at, id)",
             "CREATE INDEX ix_audit_scope ON audit (namespace, tenant, dispatched_at)"],
            indexes);
    }

    /// <summary>A row written straight into the old schema (expires_at left empty).</summary>
    private static void Insert(SqliteConnection connection, AuditRecord r)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit (id, action_id, chain_id, namespace, tenant, provider, action_type, verdict, matched_rule, outcome, caller_id, dispatched_at, record)
            VALUES ($id, $action, $chain, $ns, $tenant, $provider, $type, $verdict, $rule, $outcome, $caller, $at, $record);
            """;
        foreach (var (name, value) in new (string, object?)[]
        {
            ("$id", r.Id), ("$action", r.ActionId), ("$chain", r.ChainId), ("$ns", r.Namespace), ("$tenant", r.Tenant),
            ("$provider", r.Provider), ("$type", r.ActionType), ("$verdict", r.Verdict), ("$rule", r.MatchedRule),
            ("$outcome", r.Outcome), ("$caller", r.CallerId), ("$at", r.DispatchedAt.UtcTicks),
            ("$record", JsonSerializer.Serialize(r, AuditJsonContext.Default.AuditRecord)),
        })
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static List<string> IndexSql(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN ('ix_audit_action', 'ix_audit_dispatched', 'ix_audit_scope') ORDER BY name;";
        using var reader = command.ExecuteReader();
        var sql = new List<string>();
        while (reader.Read())
        {
            sql.Add(reader.GetString(0));
        }

        return sql;
    }
}
