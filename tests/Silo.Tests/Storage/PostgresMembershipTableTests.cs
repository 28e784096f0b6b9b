using Acteon.Silo.Membership;
using Acteon.Silo.Storage.Postgres;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

/// <summary>The project's membership table on the real PostgreSQL of the collection fixture.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMembershipTableTests(PostgresFixture postgres) : MembershipTableConformanceTests, IDisposable
{
    private readonly PostgresDatabase _db = ConformanceDatabase.OpenEmpty(postgres);

    public void Dispose() => _db.Dispose();

    protected override async Task<IMembershipTable> CreateTableAsync(string clusterId = "conformance")
    {
        IMembershipTable table = new PostgresMembershipTable(_db, Serializer, Options.Create(new ClusterOptions { ClusterId = clusterId }));
        await table.InitializeMembershipTableAsync(true, CancellationToken.None);
        return table;
    }
}
