using Acteon.Silo.Membership;
using Acteon.Silo.Runtime;
using Acteon.Silo.Storage;
using Acteon.Silo.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace Acteon.Silo.Tests.Membership;

public sealed class MembershipServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = ManualTimeProvider.DefaultStart;
    private readonly TestSilo _silo = TestSilo.InMemory(configure: o =>
    {
        o.Address = "10.0.0.7";
        o.HeartbeatInterval = TimeSpan.FromSeconds(5);
    });

    private SiloOptions Options => _silo.Get<IOptions<SiloOptions>>().Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task StartAsync_WritesAnActiveRow()
    {
        await _silo.StartAsync<MembershipService>();

        var row = Assert.Single(await ListAsync());
        Assert.Equal(new MembershipEntry(Options.NodeId, "10.0.0.7", Start, Start, MembershipService.Active), row);
    }

    [Fact]
    public async Task ExecuteAsync_TimeAdvances_HeartbeatFollowsTheClock()
    {
        await _silo.StartAsync<MembershipService>();

        await _silo.Clock.StepAsync();
        Assert.Equal(Start.AddSeconds(5), Assert.Single(await ListAsync()).LastHeartbeat);
        await _silo.Clock.StepAsync();

        var row = Assert.Single(await ListAsync());
        Assert.Equal(Start.AddSeconds(10), row.LastHeartbeat);
        Assert.Equal(Start, row.StartedAt);
        Assert.Equal(MembershipService.Active, MembershipService.EffectiveStatus(row, _silo.Clock.GetUtcNow(), Options.DeadAfter));
    }

    [Fact]
    public async Task StopAsync_MarksTheRowDead()
    {
        await _silo.StartAsync<MembershipService>();

        await _silo.StopAsync();

        Assert.Equal(MembershipService.Dead, Assert.Single(await ListAsync()).Status);
    }

    [Fact]
    public void EffectiveStatus_ActiveRowWithOldHeartbeat_IsDead()
    {
        var row = new MembershipEntry("n1", "a", Start, Start, MembershipService.Active);
        var deadAfter = TimeSpan.FromSeconds(30);

        Assert.Equal(MembershipService.Active, MembershipService.EffectiveStatus(row, Start.AddSeconds(30), deadAfter));
        Assert.Equal(MembershipService.Dead, MembershipService.EffectiveStatus(row, Start.AddSeconds(31), deadAfter));
    }

    [Fact]
    public void EffectiveStatus_DeadRowWithFreshHeartbeat_StaysDead()
    {
        var row = new MembershipEntry("n1", "a", Start, Start, MembershipService.Dead);

        Assert.Equal(MembershipService.Dead, MembershipService.EffectiveStatus(row, Start, TimeSpan.FromSeconds(30)));
    }

    private Task<IReadOnlyList<MembershipEntry>> ListAsync() => _silo.Get<IMembershipStore>().ListAsync(CancellationToken.None);
}
