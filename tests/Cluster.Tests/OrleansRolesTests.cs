using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Acteon.Cluster.Tests.Support;
using Acteon.Tests.Shared;
using Xunit;

namespace Acteon.Cluster.Tests;

/// <summary>
/// The Orleans roles and membership options with real processes: Redis membership, a client-only gateway in front of
/// worker silos, and a silo killed while dispatches run. Every test has its own database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansRolesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string[] Silos = ["silo-0", "silo-1"];
    private readonly List<IAsyncDisposable> _owned = [];
    private CountingWebhook _webhook = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _webhook = await CountingWebhook.StartAsync();
        _url = await postgres.Server.CreateDatabaseAsync("roles");
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        await _webhook.DisposeAsync();
    }

    [Fact]
    public async Task Dispatch_SixtyConcurrentWithOneDedupKeyOverThreeNodesWithRedisMembership_ExecutesOnce()
    {
        var redis = Own(await RedisServer.StartAsync());
        var cluster = $"membership = \"redis\"\nredis_url = \"{redis.Url}\"";
        var nodes = new List<GatewayNode> { Own(await GatewayNode.StartAsync("redis-0", _url, _webhook.Url, cluster: cluster)) };
        nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, 2).Select(async i => Own(await GatewayNode.StartAsync($"redis-{i}", _url, _webhook.Url, cluster: cluster)))));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => nodes[i % 3].PostJsonAsync("/v1/dispatch", Action("redis", "one-key"))));

        Assert.Equal((1, 59), (Count(outcomes, "executed"), Count(outcomes, "deduplicated")));
        Assert.Single(_webhook.Calls);
        var silos = (await nodes[0].GetJsonAsync("/admin/cluster")).GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("status").GetString() == "active").Select(n => n.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["redis-0", "redis-1", "redis-2"], silos);
    }

    [Fact]
    public async Task ClientGateway_TwoWorkerSilos_DispatchesRunOnTheSilosAndDedupHoldsClusterWide()
    {
        int[] gatewayPorts = [GatewayNode.FreePort(), GatewayNode.FreePort()];
        var first = Own(await GatewayNode.StartSiloAsync("silo-0", gatewayPorts[0], SiloConfig("silo-0", gatewayPorts[0])));
        var second = Own(await GatewayNode.StartSiloAsync("silo-1", gatewayPorts[1], SiloConfig("silo-1", gatewayPorts[1])));
        var client = Own(await GatewayNode.StartAsync("client", _url, _webhook.Url, cluster: "role = \"client\""));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.PostJsonAsync("/v1/dispatch", Action("client", "one-key"))));
        var distinct = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostJsonAsync("/v1/dispatch", Action("client", $"key-{i}"))));

        Assert.Equal((1, 59), (Count(outcomes, "executed"), Count(outcomes, "deduplicated")));
        Assert.Equal(10, Count(distinct, "executed"));
        // Provider grains are stateless workers on the silos: the webhook's X-Source is a silo's, never the client's.
        Assert.Equal(11, _webhook.Calls.Count);
        Assert.All(_webhook.Calls, c => Assert.Contains(c.Source, Silos));
        var cluster = await client.GetJsonAsync("/admin/cluster");
        Assert.Equal("client", cluster.GetProperty("role").GetString());
        Assert.Equal(["silo-0", "silo-1"], cluster.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.False(first.HasExited || second.HasExited);
    }

    [Fact]
    public async Task Kill_SiloWhileDispatchesRun_NoRequestWaitsPastTheTimeoutAndNoCompletedDispatchLosesItsAudit()
    {
        const string server = "request_timeout_seconds = 4";
        var nodes = new List<GatewayNode> { Own(await GatewayNode.StartAsync("kill-0", _url, _webhook.Url, server: server)) };
        nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, 2).Select(async i => Own(await GatewayNode.StartAsync($"kill-{i}", _url, _webhook.Url, server: server)))));
        var answered = new ConcurrentBag<(string Node, HttpStatusCode Status, TimeSpan Took, string? ActionId)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(14));
        var sent = 0;

        async Task SendLoopAsync(GatewayNode node)
        {
            while (!stop.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                var (status, body) = await node.SendAsync(HttpMethod.Post, "/v1/dispatch", Action("kill", $"k-{Interlocked.Increment(ref sent)}"));
                answered.Add((node.Id, status, clock.Elapsed, status == HttpStatusCode.OK ? body.GetProperty("action_id").GetString() : null));
            }
        }

        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(i => SendLoopAsync(nodes[i % 2])));
        await Until.TrueAsync(() => Task.FromResult(answered.Count >= 50), "the first answers before the kill");
        await nodes[2].KillAsync();
        await load;

        Assert.All(answered, a => Assert.True(a.Took < TimeSpan.FromSeconds(6), $"{a.Node} answered {a.Status} after {a.Took} (request timeout 4 s)"));
        Assert.All(answered, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.Node} answered {a.Status}"));
        Assert.Contains(answered, a => a.Status == HttpStatusCode.OK && a.Took > TimeSpan.Zero);

        Assert.Equal(0, await nodes[1].TerminateAsync());
        var completed = answered.Where(a => a.ActionId is not null).Select(a => a.ActionId!).ToList();
        foreach (var id in completed)
        {
            Assert.Equal(HttpStatusCode.OK, (await nodes[0].SendAsync(HttpMethod.Get, $"/v1/audit/{id}")).Status);
        }
    }

    private string SiloConfig(string id, int gatewayPort) =>
        GatewayNode.Config(id, GatewayNode.FreePort(), _url, _webhook.Url, cluster: $"gateway_port = {gatewayPort}");

    private T Own<T>(T item) where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }

    private static int Count(IEnumerable<System.Text.Json.JsonElement> outcomes, string outcome) =>
        outcomes.Count(o => o.GetProperty("outcome").GetString() == outcome);

    private static object Action(string tenant, string dedupKey) =>
        new { @namespace = "roles", tenant, provider = "hook", action_type = "send", payload = new { tenant }, dedup_key = dedupKey };
}
