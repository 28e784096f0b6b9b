using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

/// <summary>
/// The contract of Orleans' <see cref="IMembershipTable"/>: every insert and update is a compare-and-swap on the table
/// version (and, for an update, on the row's ETag), both or neither; heartbeats touch only the heartbeat.
/// </summary>
public abstract class MembershipTableConformanceTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Now = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static int _port = 20_000;

    protected static Serializer<MembershipEntry> Serializer { get; } =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<MembershipEntry>>();

    /// <summary>A fresh, initialized table of <paramref name="clusterId"/>.</summary>
    protected abstract Task<IMembershipTable> CreateTableAsync(string clusterId = "conformance");

    private static MembershipEntry Entry(SiloStatus status = SiloStatus.Joining) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, Interlocked.Increment(ref _port)), 1),
        Status = status, HostName = "host", SiloName = "silo", ProxyPort = 30_000, StartTime = Now, IAmAliveTime = Now,
    };

    [Fact]
    public async Task ReadAll_NewTable_IsVersionZeroWithoutMembers()
    {
        var table = await CreateTableAsync();
        await table.InitializeMembershipTableAsync(true, None);

        var data = await table.ReadAllAsync(None);

        Assert.Equal(0, data.Version.Version);
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task InsertRow_NextVersion_InsertsAndMovesTheVersion()
    {
        var table = await CreateTableAsync();
        var entry = Entry();

        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(None)).Version.Next(), None));

        var data = await table.ReadAllAsync(None);
        Assert.Equal(1, data.Version.Version);
        var (stored, etag) = Assert.Single(data.Members);
        Assert.Equal(entry.ToFullString(), stored.ToFullString());
        Assert.Equal(etag, (await table.ReadRowAsync(entry.SiloAddress, None)).TryGet(entry.SiloAddress)!.Item2);
    }

    [Fact]
    public async Task InsertRow_StaleVersionOrExistingRow_ChangesNothing()
    {
        var table = await CreateTableAsync();
        var version = (await table.ReadAllAsync(None)).Version;
        var entry = Entry();
        Assert.True(await table.InsertRowAsync(entry, version.Next(), None));

        Assert.False(await table.InsertRowAsync(Entry(), version.Next(), None));
        Assert.False(await table.InsertRowAsync(entry, (await table.ReadAllAsync(None)).Version.Next(), None));

        var data = await table.ReadAllAsync(None);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task UpdateRow_NeedsTheCurrentETagAndTheNextVersion()
    {
        var table = await CreateTableAsync();
        var entry = Entry();
        await table.InsertRowAsync(entry, (await table.ReadAllAsync(None)).Version.Next(), None);
        var data = await table.ReadAllAsync(None);
        var etag = data.TryGet(entry.SiloAddress)!.Item2;
        entry.Status = SiloStatus.Active;

        Assert.False(await table.UpdateRowAsync(entry, etag, data.Version, None));
        Assert.False(await table.UpdateRowAsync(entry, "stale", data.Version.Next(), None));
        Assert.True(await table.UpdateRowAsync(entry, etag, data.Version.Next(), None));
        Assert.False(await table.UpdateRowAsync(entry, etag, data.Version.Next().Next(), None));

        var after = await table.ReadAllAsync(None);
        var (stored, newETag) = after.TryGet(entry.SiloAddress)!;
        Assert.Equal((2, SiloStatus.Active), (after.Version.Version, stored.Status));
        Assert.NotEqual(etag, newETag);
    }

    [Fact]
    public async Task InsertRow_ManyAtOnceWithOneVersion_ExactlyOneWins()
    {
        var table = await CreateTableAsync();
        var version = (await table.ReadAllAsync(None)).Version.Next();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => table.InsertRowAsync(Entry(), version, None))));

        Assert.Single(results, ok => ok);
        Assert.Single((await table.ReadAllAsync(None)).Members);
    }

    [Fact]
    public async Task UpdateIAmAlive_ChangesTheHeartbeatOnly()
    {
        var table = await CreateTableAsync();
        var entry = Entry();
        await table.InsertRowAsync(entry, (await table.ReadAllAsync(None)).Version.Next(), None);
        var before = await table.ReadAllAsync(None);

        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = Now.AddMinutes(1) }, None);

        var after = await table.ReadAllAsync(None);
        var (stored, etag) = after.TryGet(entry.SiloAddress)!;
        Assert.Equal(Now.AddMinutes(1), stored.IAmAliveTime);
        Assert.Equal((before.Version.Version, before.TryGet(entry.SiloAddress)!.Item2, SiloStatus.Joining), (after.Version.Version, etag, stored.Status));
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_RemovesOldRowsThatAreNotActive()
    {
        var table = await CreateTableAsync();
        MembershipEntry dead = Entry(SiloStatus.Dead), active = Entry(SiloStatus.Active), recent = Entry(SiloStatus.Dead);
        recent.IAmAliveTime = Now.AddHours(1);
        foreach (var entry in new[] { dead, active, recent })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(None)).Version.Next(), None));
        }

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Now.AddMinutes(1)), None);

        var left = (await table.ReadAllAsync(None)).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal([active.SiloAddress, recent.SiloAddress], left.OrderBy(a => a.Endpoint.Port));
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_RemovesOnlyThatCluster()
    {
        var table = await CreateTableAsync();
        var other = await CreateTableAsync("other-cluster");
        await table.InsertRowAsync(Entry(), (await table.ReadAllAsync(None)).Version.Next(), None);
        await other.InsertRowAsync(Entry(), (await other.ReadAllAsync(None)).Version.Next(), None);

        await table.DeleteMembershipTableEntriesAsync("conformance", None);
        await table.InitializeMembershipTableAsync(true, None);

        Assert.Empty((await table.ReadAllAsync(None)).Members);
        Assert.Single((await other.ReadAllAsync(None)).Members);
    }
}
