using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Abstractions.Rules;
using Acteon.Grains.Abstractions.Throttling;
using Acteon.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Acteon.Grains.Tests.Grains;

/// <summary>The gateway's grains on real Orleans silos (Orleans.TestingHost).</summary>
public sealed class GatewayGrainsTests(GrainTestCluster cluster) : IClassFixture<GrainTestCluster>
{
    [Fact]
    public async Task Deduplication_SameKeyWithinTtl_OnlyTheFirstClaimWinsThenTheKeyIsFreeAfterTheTtl()
    {
        var grain = cluster.Grains.GetGrain<IDeduplicationGrain>(IDeduplicationGrain.LocalKey);

        Assert.True(await grain.TryClaimAsync("ns:t:dedup-ttl", TimeSpan.FromMinutes(5)));
        Assert.False(await grain.TryClaimAsync("ns:t:dedup-ttl", TimeSpan.FromMinutes(5)));
        Assert.True(await grain.TryClaimAsync("ns:t:other-key", TimeSpan.FromMinutes(5)));
        cluster.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await grain.TryClaimAsync("ns:t:dedup-ttl", TimeSpan.FromMinutes(5)));
        Assert.False(await grain.TryClaimAsync("ns:t:dedup-ttl", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Deduplication_ManyConcurrentClaimsThroughBothSilos_ExactlyOneWins()
    {
        // One stateless worker per silo, each with its own memory of keys: the storage's compare-and-swap decides.
        var clients = cluster.Cluster.Silos.Select(s => cluster.Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<IGrainFactory>()).ToList();

        var claims = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            clients[i % clients.Count].GetGrain<IDeduplicationGrain>(IDeduplicationGrain.LocalKey).TryClaimAsync("ns:t:dedup-race", TimeSpan.FromMinutes(5))));

        Assert.Single(claims, c => c);
    }

    [Fact]
    public async Task Deduplication_ClaimIsInStorage_SeenAfterTheWorkerIsCollected()
    {
        var grain = cluster.Grains.GetGrain<IDeduplicationGrain>(IDeduplicationGrain.LocalKey);
        Assert.True(await grain.TryClaimAsync("ns:t:dedup-durable", TimeSpan.FromMinutes(5)));

        await cluster.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.False(await grain.TryClaimAsync("ns:t:dedup-durable", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Throttle_AdmitsMaxCountPerWindowAndRejectedHitsDoNotExtendIt()
    {
        var grain = cluster.Grains.GetGrain<IThrottleGrain>("ns:t:throttle");
        var window = TimeSpan.FromSeconds(60);

        var first = await grain.TryAcquireAsync(2, window);
        cluster.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = await grain.TryAcquireAsync(2, window);
        var third = await grain.TryAcquireAsync(2, window);
        cluster.Clock.Advance(TimeSpan.FromSeconds(30));
        var afterWindow = await grain.TryAcquireAsync(2, window);

        Assert.Equal((true, true), (first.Admitted, second.Admitted));
        Assert.Equal((false, 30), (third.Admitted, third.RetryAfterSeconds));
        Assert.True(afterWindow.Admitted);
    }

    [Fact]
    public async Task RuleToggles_SetThenGet_SurvivesDeactivation()
    {
        var grain = cluster.Grains.GetGrain<IRuleTogglesGrain>("toggles-test");
        await grain.SetAsync("rule-a", false);
        await grain.SetAsync("rule-b", true);

        await cluster.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var toggles = await grain.GetAsync();

        Assert.Equal([("rule-a", false), ("rule-b", true)], toggles.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public async Task Provider_StatelessWorker_RunsTheConfiguredProviderAndCarriesThePayload()
    {
        var before = cluster.Echo.Calls;

        var result = await cluster.Grains.GetGrain<IProviderGrain>("echo").ExecuteAsync(GrainTestCluster.Action("a-1"), CancellationToken.None);

        Assert.True(result.Response!.Success);
        Assert.Equal("a-1", result.Response.Body.GetProperty("echoed").GetString());
        Assert.Equal("someone", result.Response.Body.GetProperty("payload").GetProperty("to").GetString());
        Assert.Equal(before + 1, cluster.Echo.Calls);
    }

    [Fact]
    public async Task Provider_SlowCalls_RunSideBySideOnOneSiloBeyondTheProcessorCount()
    {
        var grains = cluster.Cluster.GetSiloServiceProvider(cluster.Cluster.Silos[0].SiloAddress).GetRequiredService<IGrainFactory>();
        var calls = Enumerable.Range(0, 3 * Environment.ProcessorCount)
            .Select(i => grains.GetGrain<IProviderGrain>("gated").ExecuteAsync(GrainTestCluster.Action($"slow-{i}"), CancellationToken.None))
            .ToList();

        await Wait.UntilAsync(() => Task.FromResult(cluster.Gated.InFlight == calls.Count), $"all {calls.Count} provider calls in flight at once");
        cluster.Gated.Release.SetResult();

        Assert.All(await Task.WhenAll(calls), r => Assert.True(r.Response!.Success));
    }

    [Fact]
    public async Task Provider_UnknownName_FailsTheCall()
    {
        await Assert.ThrowsAnyAsync<Exception>(() =>
            cluster.Grains.GetGrain<IProviderGrain>("nope").ExecuteAsync(GrainTestCluster.Action("a-2"), CancellationToken.None));
    }
}
