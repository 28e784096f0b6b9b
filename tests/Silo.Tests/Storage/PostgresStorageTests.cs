using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Silo.Storage;
using Acteon.Silo.Storage.Postgres;
using Acteon.Tests.Shared;
using Npgsql;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

/// <summary>
/// The conformance suite on a real PostgreSQL (started by the collection fixture). The class gets its own database;
/// every test starts from emptied tables.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests : StorageConformanceTests, IDisposable
{
    private readonly PostgresDatabase _db;
    private readonly PostgresStateWriter _writer;

    public PostgresStorageTests(PostgresFixture postgres)
    {
        _db = ConformanceDatabase.OpenEmpty(postgres);
        _writer = new PostgresStateWriter(_db);
    }

    public void Dispose()
    {
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _db.Dispose();
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        Assert.Equal(0, await _db.MigrateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MigrateAsync_ManyNodesAtOnceOnAnEmptyDatabase_AppliesTheSchemaOnce()
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_db.DataSource.ConnectionString) { Database = "postgres" }.ConnectionString);
        var name = "migrate_race_" + Guid.NewGuid().ToString("N")[..8];
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name};", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        var url = new NpgsqlConnectionStringBuilder(_db.DataSource.ConnectionString) { Database = name }.ConnectionString;
        var nodes = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(url)).ToArray();
        try
        {
            var applied = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.MigrateAsync(CancellationToken.None))));

            Assert.Equal(PostgresSchema.Migrations.Length, applied.Sum());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ReadAsync_ServerUnreachable_ThrowsStoreUnavailable()
    {
        await using var nowhere = new PostgresDatabase("postgres://postgres@127.0.0.1:1/none");
        await using var writer = new PostgresStateWriter(nowhere);
        var store = new PostgresGrainStateStore(nowhere, writer);

        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            store.ReadAsync(new StateKey("t", "k"), "s", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ServerUnreachable_EveryWriteOfTheBatchThrowsStoreUnavailable()
    {
        await using var nowhere = new PostgresDatabase("postgres://postgres@127.0.0.1:1/none");
        await using var writer = new PostgresStateWriter(nowhere);
        IGrainStateStore store = new PostgresGrainStateStore(nowhere, writer);

        var writes = Enumerable.Range(0, 5).Select(i =>
            store.WriteAsync(new StateKey("t", $"k{i}"), "s", [1], null, CancellationToken.None)).ToArray();

        foreach (var write in writes)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => write);
        }
    }

    protected override IGrainStateStore CreateGrainStateStore() => new PostgresGrainStateStore(_db, _writer);

    protected override IAuditStore CreateAuditStore() => new PostgresAuditStore(_db);

    protected override IRecurringIndex CreateRecurringIndex() => new PostgresRecurringIndex(_db);

    protected override IGroupEventLog CreateGroupEventLog() => new PostgresGroupEventLog(_db, _writer);

    protected override IGroupIndex CreateGroupIndex() => new PostgresGroupIndex(_db);
}
