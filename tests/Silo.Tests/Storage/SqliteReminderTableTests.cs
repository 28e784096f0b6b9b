using Acteon.Silo.Reminders;
using Acteon.Silo.Storage.Sqlite;
using Acteon.Silo.Tests.Support;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

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

    protected override IReminderTable CreateTable(string serviceId = "conformance") =>
        new SqliteReminderTable(_db, Options.Create(new ClusterOptions { ServiceId = serviceId }));
}
