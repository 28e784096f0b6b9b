using Acteon.Silo.Reminders;
using Acteon.Silo.Storage.Sqlite;
using Acteon.Silo.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

/// <summary>The reminder table on a fresh SQLite file per test.</summary>
public sealed class SqliteReminderTableTests : ReminderTableConformanceTests, IDisposable
{
    private readonly TempDatabase _file = new();
    private readonly SqliteDatabase _db;

    public SqliteReminderTableTests() => _db = new SqliteDatabase(_file.Path);

    public void Dispose()
    {
        _db.Dispose();
        _file.Dispose();
    }

    [Fact]
    public async Task StartAsync_StoreOfTheRuntimeBeforeOrleans_MovesItsRemindersInOnce()
    {
        var file = new TempDatabase();
        using (var old = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            old.Open();
            SqliteSchema.Apply(old, 3);
            SqliteDatabase.Execute(old, $"INSERT INTO reminders (grain_type, grain_key, name, due_at, period_ticks, version) VALUES ('scheduled-action', 'ns:t:a1', 'dispatch', {Due.Ticks}, 0, 'v1');");
        }

        using var db = new SqliteDatabase(file.Path);
        IReminderTable table = new SqliteReminderTable(db, Options.Create(new ClusterOptions { ServiceId = "conformance" }));
        await table.StartAsync();
        await table.StartAsync();

        var row = await table.ReadRow(GrainId.Create("scheduled-action", "ns:t:a1"), "dispatch");
        Assert.Equal((Due, TimeSpan.FromMinutes(1)), (row?.StartAt, row?.Period));
        Assert.Single((await table.ReadRows(0, 0)).Reminders);
        Assert.Null(await db.ReadAsync(c => SqliteDatabase.Command(c, "SELECT 1 FROM sqlite_master WHERE name='reminders_v1';").ExecuteScalar(), CancellationToken.None));
        file.Dispose();
    }

    private static readonly DateTime Due = new(2030, 1, 1, 0, 0, 30, DateTimeKind.Utc);

    protected override IReminderTable CreateTable(string serviceId = "conformance") =>
        new SqliteReminderTable(_db, Options.Create(new ClusterOptions { ServiceId = serviceId }));
}
