using Acteon.Silo.Runtime;
using Acteon.Silo.Tests.Support;
using Xunit;

namespace Acteon.Silo.Tests.Runtime;

public sealed class ActivationCollectorTests
{
    [Fact]
    public async Task ExecuteAsync_ActivationIdlePastTimeout_IsDeactivatedOnACollectionTick()
    {
        await using var silo = TestSilo.InMemory(configure: o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(1);
            o.CollectionInterval = TimeSpan.FromSeconds(10);
        });
        var grain = silo.Grain<ITurnGrain>("sleepy");
        await grain.PingAsync();
        await silo.StartAsync<ActivationCollector>();

        await silo.Clock.RunUntilAsync(silo.Probe.WhenAsync(p => p.DeactivationsOf("sleepy") == 1),
            "the collector to deactivate the idle grain", maxSimulated: TimeSpan.FromMinutes(5));

        Assert.InRange(silo.Clock.GetUtcNow() - ManualTimeProvider.DefaultStart, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));
        Assert.Equal("sleepy", await grain.PingAsync());
        Assert.Equal(2, silo.Probe.ActivationsOf("sleepy"));
    }

    [Fact]
    public async Task ExecuteAsync_MoreActivationsThanTheBound_CollectsWithoutWaitingForTheInterval()
    {
        await using var silo = TestSilo.InMemory(configure: o =>
        {
            o.MaxActivations = 20;
            o.CollectionInterval = TimeSpan.FromHours(1);
        });
        await silo.StartAsync<ActivationCollector>();

        for (var i = 0; i < 200; i++)
        {
            await silo.Grain<ITurnGrain>($"key-{i}").PingAsync();
        }

        await Wait.UntilAsync(() => Task.FromResult(silo.Catalog.Count <= 20), "the collector to bring the activations back under the bound");
        Assert.Equal(ManualTimeProvider.DefaultStart, silo.Clock.GetUtcNow());
        Assert.InRange(silo.Probe.Deactivated.Count, 180, 200);
    }
}
