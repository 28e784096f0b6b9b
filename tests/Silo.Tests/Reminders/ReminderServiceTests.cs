using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Reminders;
using Acteon.Silo.Storage;
using Acteon.Silo.Tests.Support;
using Xunit;

namespace Acteon.Silo.Tests.Reminders;

public sealed class ReminderServiceTests : IDisposable
{
    private static readonly DateTimeOffset Start = ManualTimeProvider.DefaultStart;
    private static readonly TimeSpan MaxSimulated = TimeSpan.FromMinutes(10);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task RegisterAsync_OneShotReminder_FiresOnceAtItsDueTimeAndIsDeleted()
    {
        await using var silo = TestSilo.InMemory();
        await silo.StartAsync<ReminderService>();
        await silo.Grain<IReminderGrain>("g").RegisterAsync("once", TimeSpan.FromSeconds(30), TimeSpan.Zero);

        await silo.Clock.RunUntilAsync(silo.Probe.WhenAsync(p => p.RemindersOf("once") == 1), "the one-shot reminder", MaxSimulated);

        var (key, _, status) = Assert.Single(silo.Probe.Reminders);
        Assert.Equal("g", key);
        Assert.Equal(Start.AddSeconds(30), status.DueAt);
        Assert.Equal(TimeSpan.Zero, status.Period);
        Assert.InRange(status.CurrentTickTime, Start.AddSeconds(30), Start.AddSeconds(31));
        var store = silo.Get<IReminderStore>();
        await Wait.UntilAsync(async () => await store.GetAsync(Id("g"), "once", CancellationToken.None) is null, "the fired one-shot reminder to be deleted");
    }

    [Fact]
    public async Task RegisterAsync_PeriodicReminder_FiresEveryPeriod()
    {
        await using var silo = TestSilo.InMemory();
        await silo.StartAsync<ReminderService>();
        await silo.Grain<IReminderGrain>("g").RegisterAsync("tick", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        await silo.Clock.RunUntilAsync(silo.Probe.WhenAsync(p => p.RemindersOf("tick") >= 3), "three ticks of the periodic reminder", MaxSimulated);

        var dueTimes = silo.Probe.Reminders.Take(3).Select(r => r.Status.DueAt);
        Assert.Equal([Start.AddSeconds(10), Start.AddSeconds(20), Start.AddSeconds(30)], dueTimes);
        Assert.All(silo.Probe.Reminders, r => Assert.Equal(TimeSpan.FromSeconds(10), r.Status.Period));
    }

    [Fact]
    public async Task UnregisterAsync_PeriodicReminder_StopsFiring()
    {
        await using var silo = TestSilo.InMemory();
        await silo.StartAsync<ReminderService>();
        var grain = silo.Grain<IReminderGrain>("g");
        await grain.RegisterAsync("tick", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await silo.Clock.RunUntilAsync(silo.Probe.WhenAsync(p => p.RemindersOf("tick") == 1), "the first tick", MaxSimulated);

        await grain.UnregisterAsync("tick");
        // A later one-shot reminder on another grain: once it fired, the poller has passed every time "tick" was due.
        await silo.Grain<IReminderGrain>("sentinel").RegisterAsync("sentinel", TimeSpan.FromSeconds(60), TimeSpan.Zero);
        await silo.Clock.RunUntilAsync(silo.Probe.WhenAsync(p => p.RemindersOf("sentinel") == 1), "the sentinel reminder", MaxSimulated);

        Assert.Equal(1, silo.Probe.RemindersOf("tick"));
        Assert.Null(await silo.Get<IReminderStore>().GetAsync(Id("g"), "tick", CancellationToken.None));
    }

    [Fact]
    public async Task RegisterAsync_SiloRestartsOnTheSameSqliteFile_ReminderFiresOnTheNewSilo()
    {
        var a = TestSilo.OnSqlite(_database.Path);
        await a.StartAsync<ReminderService>();
        await a.Grain<IReminderGrain>("durable").RegisterAsync("restart", TimeSpan.FromMinutes(1), TimeSpan.Zero);
        await a.DisposeAsync();

        await using var b = TestSilo.OnSqlite(_database.Path);
        await b.StartAsync<ReminderService>();
        await b.Clock.RunUntilAsync(b.Probe.WhenAsync(p => p.RemindersOf("restart") == 1), "the reminder registered before the restart", MaxSimulated);

        Assert.Empty(a.Probe.Reminders);
        var (key, _, status) = Assert.Single(b.Probe.Reminders);
        Assert.Equal("durable", key);
        Assert.Equal(Start.AddMinutes(1), status.DueAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteAsync_ReminderLeasedByADeadNode_FiresAfterTheLeaseRunsOut(bool sqlite)
    {
        await using var silo = sqlite
            ? TestSilo.OnSqlite(_database.Path, configure: o => o.ReminderLease = TimeSpan.FromSeconds(30))
            : TestSilo.InMemory(configure: o => o.ReminderLease = TimeSpan.FromSeconds(30));
        var store = silo.Get<IReminderStore>();
        await store.UpsertAsync(Id("orphan"), "orphan", Start.AddSeconds(5), TimeSpan.Zero, CancellationToken.None);
        var deadLease = TimeSpan.FromSeconds(40);
        Assert.Single(await store.ClaimDueAsync(Start.AddSeconds(5), "dead-node", deadLease, 10, CancellationToken.None));

        await silo.StartAsync<ReminderService>();
        await silo.Clock.RunUntilAsync(silo.Probe.WhenAsync(p => p.RemindersOf("orphan") == 1), "the orphaned reminder to be taken over", MaxSimulated);

        var status = Assert.Single(silo.Probe.Reminders).Status;
        Assert.Equal(Start.AddSeconds(5), status.DueAt);
        Assert.True(status.CurrentTickTime >= Start.AddSeconds(5) + deadLease,
            $"The reminder fired at {status.CurrentTickTime:O}, before the dead node's lease ended.");
    }

    private static GrainId Id(string key) => new(ReminderGrain.TypeName, key);
}
