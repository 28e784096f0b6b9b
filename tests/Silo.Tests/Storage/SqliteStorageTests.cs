using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Silo.Storage;
using Acteon.Silo.Storage.Sqlite;
using Acteon.Silo.Tests.Support;

namespace Acteon.Silo.Tests.Storage;

/// <summary>Every test gets a fresh SQLite file, deleted afterwards.</summary>
public sealed class SqliteStorageTests : StorageConformanceTests, IDisposable
{
    private readonly TempDatabase _file = new();
    private readonly SqliteDatabase _db;

    public SqliteStorageTests() => _db = new SqliteDatabase(_file.Path);

    public void Dispose()
    {
        _db.Dispose();
        _file.Dispose();
    }

    protected override IGrainStateStore CreateGrainStateStore() => new SqliteGrainStateStore(_db);

    protected override IAuditStore CreateAuditStore() => new SqliteAuditStore(_db);

    protected override IRecurringIndex CreateRecurringIndex() => new SqliteRecurringIndex(_db);

    protected override IGroupEventLog CreateGroupEventLog() => new SqliteGroupEventLog(_db);

    protected override IGroupIndex CreateGroupIndex() => new SqliteGroupIndex(_db);
}
