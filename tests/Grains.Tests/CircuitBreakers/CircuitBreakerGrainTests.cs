using Acteon.Grains.Abstractions.CircuitBreakers;
using Acteon.Grains.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Acteon.Grains.Tests.CircuitBreakers;

/// <summary>The breaker grain's state machine on two real silos, with the gateway clock driven by the test.</summary>
public sealed class CircuitBreakerGrainTests(GrainTestCluster cluster) : IClassFixture<GrainTestCluster>
{
    private static readonly CircuitBreakerSettings Settings = new(3, 2, TimeSpan.FromSeconds(60));

    [Fact]
    public async Task Closed_FailuresInARow_OpenAtTheThresholdAndASuccessBetweenStartsOver()
    {
        var grain = Breaker();

        await grain.RecordAsync(Settings, success: false, probe: false);
        await grain.RecordAsync(Settings, success: false, probe: false);
        var reset = await grain.RecordAsync(Settings, success: true, probe: false);
        await grain.RecordAsync(Settings, success: false, probe: false);
        var two = await grain.RecordAsync(Settings, success: false, probe: false);
        var three = await grain.RecordAsync(Settings, success: false, probe: false);

        Assert.Equal((CircuitState.Closed, 0), (reset.State, reset.ConsecutiveFailures));
        Assert.Equal((CircuitState.Closed, 2), (two.State, two.ConsecutiveFailures));
        Assert.Equal(CircuitState.Open, three.State);
        Assert.Equal(cluster.Clock.GetUtcNow() + Settings.RecoveryTimeout, three.RetryAt);
    }

    [Fact]
    public async Task Open_RejectsUntilTheRecoveryTimeoutThenAdmitsOneProbeAtATime()
    {
        var grain = await OpenedAsync();

        var early = await grain.TryAcquireAsync(Settings);
        cluster.Clock.Advance(Settings.RecoveryTimeout - TimeSpan.FromSeconds(1));
        var stillEarly = await grain.TryAcquireAsync(Settings);
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var probe = await grain.TryAcquireAsync(Settings);
        var second = await grain.TryAcquireAsync(Settings);

        Assert.False(early.Allowed);
        Assert.False(stillEarly.Allowed);
        Assert.Equal((true, true, CircuitState.HalfOpen), (probe.Allowed, probe.Probe, probe.Snapshot.State));
        Assert.False(second.Allowed);
    }

    [Fact]
    public async Task HalfOpen_ConcurrentRequestsThroughBothSilos_ExactlyOneProbe()
    {
        var key = NewKey();
        var clients = cluster.Cluster.Silos.Select(s => cluster.Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<IGrainFactory>()).ToList();
        await clients[0].GetGrain<ICircuitBreakerGrain>(key).TripAsync(Settings);
        cluster.Clock.Advance(Settings.RecoveryTimeout);

        var permits = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => clients[i % clients.Count].GetGrain<ICircuitBreakerGrain>(key).TryAcquireAsync(Settings)));

        Assert.Single(permits, p => p.Allowed);
        Assert.All(permits.Where(p => p.Allowed), p => Assert.True(p.Probe));
    }

    [Fact]
    public async Task HalfOpen_ProbeSuccesses_CloseAfterTheSuccessThreshold()
    {
        var grain = await OpenedAsync();
        cluster.Clock.Advance(Settings.RecoveryTimeout);

        Assert.True((await grain.TryAcquireAsync(Settings)).Probe);
        var first = await grain.RecordAsync(Settings, success: true, probe: true);
        var nextProbe = await grain.TryAcquireAsync(Settings);
        var second = await grain.RecordAsync(Settings, success: true, probe: true);
        var after = await grain.TryAcquireAsync(Settings);

        Assert.Equal((CircuitState.HalfOpen, 1), (first.State, first.ConsecutiveSuccesses));
        Assert.True(nextProbe.Probe);
        Assert.Equal((CircuitState.Closed, 0, 0), (second.State, second.ConsecutiveFailures, second.ConsecutiveSuccesses));
        Assert.Equal((true, false), (after.Allowed, after.Probe));
    }

    [Fact]
    public async Task HalfOpen_ProbeFails_OpenAgainForAnotherRecoveryTimeout()
    {
        var grain = await OpenedAsync();
        cluster.Clock.Advance(Settings.RecoveryTimeout);
        await grain.TryAcquireAsync(Settings);

        var reopened = await grain.RecordAsync(Settings, success: false, probe: true);
        var rejected = await grain.TryAcquireAsync(Settings);
        cluster.Clock.Advance(Settings.RecoveryTimeout);
        var probe = await grain.TryAcquireAsync(Settings);

        Assert.Equal(CircuitState.Open, reopened.State);
        Assert.False(rejected.Allowed);
        Assert.True(probe.Probe);
    }

    [Fact]
    public async Task HalfOpen_OnlyTheProbeCounts_ALateResultOfAnOlderCallChangesNothing()
    {
        var grain = await OpenedAsync();
        cluster.Clock.Advance(Settings.RecoveryTimeout);
        await grain.TryAcquireAsync(Settings);

        var lateFailure = await grain.RecordAsync(Settings, success: false, probe: false);
        var lateSuccess = await grain.RecordAsync(Settings, success: true, probe: false);

        Assert.Equal((CircuitState.HalfOpen, 0), (lateFailure.State, lateFailure.ConsecutiveSuccesses));
        Assert.Equal((CircuitState.HalfOpen, 0), (lateSuccess.State, lateSuccess.ConsecutiveSuccesses));
    }

    [Fact]
    public async Task HalfOpen_ProbeThatNeverReports_FreesItsSlotAfterTheProbeTimeout()
    {
        var grain = await OpenedAsync();
        cluster.Clock.Advance(Settings.RecoveryTimeout);
        await grain.TryAcquireAsync(Settings);

        cluster.Clock.Advance(TimeSpan.FromSeconds(29));
        var busy = await grain.TryAcquireAsync(Settings);
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var free = await grain.TryAcquireAsync(Settings);

        Assert.False(busy.Allowed);
        Assert.True(free.Probe);
    }

    [Fact]
    public async Task Open_LateFailure_PushesTheNextProbeBack()
    {
        var grain = await OpenedAsync();
        cluster.Clock.Advance(TimeSpan.FromSeconds(50));

        var refreshed = await grain.RecordAsync(Settings, success: false, probe: false);
        cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        var rejected = await grain.TryAcquireAsync(Settings);

        Assert.Equal(cluster.Clock.GetUtcNow() + TimeSpan.FromSeconds(50), refreshed.RetryAt);
        Assert.False(rejected.Allowed);
    }

    [Fact]
    public async Task TripAndReset_ForceOpenThenClosed_RecoveryAppliesAfterATrip()
    {
        var grain = Breaker();

        var tripped = await grain.TripAsync(Settings);
        var rejected = await grain.TryAcquireAsync(Settings);
        var reset = await grain.ResetAsync(Settings);
        var allowed = await grain.TryAcquireAsync(Settings);
        await grain.TripAsync(Settings);
        cluster.Clock.Advance(Settings.RecoveryTimeout);
        var probe = await grain.TryAcquireAsync(Settings);

        Assert.Equal((CircuitState.Open, 3), (tripped.State, tripped.ConsecutiveFailures));
        Assert.False(rejected.Allowed);
        Assert.Equal((CircuitState.Closed, 0), (reset.State, reset.ConsecutiveFailures));
        Assert.Equal((true, false), (allowed.Allowed, allowed.Probe));
        Assert.True(probe.Probe);
    }

    [Fact]
    public async Task State_IsStored_AnOpenBreakerStaysOpenAfterItsActivationIsCollected()
    {
        var grain = await OpenedAsync();
        var version = (await grain.GetAsync(Settings)).Version;

        await cluster.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await grain.GetAsync(Settings);

        Assert.Equal((CircuitState.Open, version), (after.State, after.Version));
    }

    [Fact]
    public async Task Thresholds_ComeWithTheCall_EachProviderItsOwn()
    {
        var strict = Breaker();
        var lenient = Breaker();
        var one = new CircuitBreakerSettings(1, 1, TimeSpan.FromSeconds(5));

        var opened = await strict.RecordAsync(one, success: false, probe: false);
        var stillClosed = await lenient.RecordAsync(Settings, success: false, probe: false);
        cluster.Clock.Advance(TimeSpan.FromSeconds(5));
        await strict.TryAcquireAsync(one);
        var closed = await strict.RecordAsync(one, success: true, probe: true);

        Assert.Equal(CircuitState.Open, opened.State);
        Assert.Equal(CircuitState.Closed, stillClosed.State);
        Assert.Equal(CircuitState.Closed, closed.State);
    }

    private static string NewKey() => $"provider-{Guid.NewGuid():N}";

    private ICircuitBreakerGrain Breaker() => cluster.Grains.GetGrain<ICircuitBreakerGrain>(NewKey());

    private async Task<ICircuitBreakerGrain> OpenedAsync()
    {
        var grain = Breaker();
        for (var i = 0; i < Settings.FailureThreshold; i++)
        {
            await grain.RecordAsync(Settings, success: false, probe: false);
        }

        return grain;
    }
}
