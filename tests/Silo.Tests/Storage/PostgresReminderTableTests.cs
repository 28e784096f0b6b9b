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

    protected override IReminderTable CreateTable(string serviceId = "conformance") =>
        new PostgresReminderTable(_db, Options.Create(new ClusterOptions { ServiceId = serviceId }));
}
