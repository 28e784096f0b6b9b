using Acteon.Silo.Reminders;
using Acteon.Silo.Storage.Postgres;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

/// <summary>The reminder table on the real PostgreSQL of the collection fixture.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests(PostgresFixture postgres) : ReminderTableConformanceTests, IDisposable
{
    private readonly PostgresDatabase _db = ConformanceDatabase.OpenEmpty(postgres);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task StartAsync_RemindersOfTheRuntimeBeforeOrleans_AreMovedInOnceAndTheOldTableDropped()
    {
        var due = new DateTime(2030, 1, 1, 0, 0, 30, DateTimeKind.Utc);
        await using (var create = _db.Command($"""
            DROP TABLE IF EXISTS reminders_v1;
            CREATE TABLE reminders_v1 (grain_type text, grain_key text, name text, due_at bigint, period_ticks bigint, version text, lease_owner text, lease_until bigint);
            INSERT INTO reminders_v1 VALUES ('scheduled-action', 'ns:t:a1', 'dispatch', {due.Ticks}, 0, 'v1', NULL, 0);
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        var table = CreateTable();
        await Task.WhenAll(table.StartAsync(), CreateTable().StartAsync());

        var row = await table.ReadRow(GrainId.Create("scheduled-action", "ns:t:a1"), "dispatch");
        Assert.Equal((due, TimeSpan.FromMinutes(1)), (row?.StartAt, row?.Period));
        Assert.Single((await table.ReadRows(0, 0)).Reminders);
        await using var exists = _db.Command("SELECT to_regclass('reminders_v1') IS NOT NULL;");
        Assert.Equal(false, await exists.ExecuteScalarAsync());
    }

    protected override IReminderTable CreateTable(string serviceId = "conformance") =>
        new PostgresReminderTable(_db, Options.Create(new ClusterOptions { ServiceId = serviceId }));
}
