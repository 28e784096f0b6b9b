using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Acteon.Cluster.Tests.Support;
using Acteon.Tests.Shared;
using Npgsql;
using Xunit;

namespace Acteon.Cluster.Tests;

/// <summary>
/// Real Gateway.Api processes on one real PostgreSQL (started by the collection fixture), calling a webhook
/// listener in the test that counts calls. Every test has its own database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresFixture postgres) : NodesTest
{
    private const string ScheduleRules = """
        rules:
          - name: later
            priority: 1
            condition:
              field: action.action_type
              eq: later
            action:
              type: schedule
              delay_seconds: 1
        """;

    private static readonly Lock SharedGate = new();
    private static Task<(IReadOnlyList<GatewayNode> Nodes, CountingWebhook Webhook)>? _shared;
    private string _url = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _url = await postgres.Server.CreateDatabaseAsync("cluster");
    }

    [Fact]
    public async Task Dispatch_SixtyConcurrentWithOneDedupKeyOverThreeNodes_ExecutesOnceAndCallsTheProviderOnce()
    {
        var (nodes, webhook) = await SharedClusterAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            nodes[i % 3].PostJsonAsync("/v1/dispatch", Action("dedup", dedupKey: "one-key"))));

        var names = outcomes.Select(o => o.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(1, names.Count(n => n == "executed"));
        Assert.Equal(59, names.Count(n => n == "deduplicated"));
        Assert.Single(webhook.Calls, c => c.Body.Contains("\"dedup\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminCluster_ThreeNodes_ListsThemActiveWithActivations()
    {
        var (nodes, _) = await SharedClusterAsync();
        await nodes[0].PostJsonAsync("/v1/dispatch", Action("admin", dedupKey: "k"));

        var cluster = await nodes[0].GetJsonAsync("/admin/cluster");

        var listed = cluster.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["node-0", "node-1", "node-2"], listed.Select(n => n.GetProperty("id").GetString()));
        Assert.All(listed, n => Assert.Equal("active", n.GetProperty("status").GetString()));
        Assert.All(listed, n => Assert.True(n.TryGetProperty("last_heartbeat", out _) && n.TryGetProperty("started", out _) && n.TryGetProperty("address", out _)));
        Assert.NotEmpty(cluster.GetProperty("activations").EnumerateObject());
    }

    [Fact]
    public async Task Audit_WrittenThroughOneNode_IsReadableThroughTheOthers()
    {
        var (nodes, _) = await SharedClusterAsync();
        var outcome = await nodes[0].PostJsonAsync("/v1/dispatch", Action("audit"));
        var actionId = outcome.GetProperty("action_id").GetString();

        foreach (var other in nodes.Skip(1))
        {
            await Until.TrueAsync(async () => (await other.SendAsync(HttpMethod.Get, $"/v1/audit/{actionId}")).Status == HttpStatusCode.OK,
                $"the audit record of {actionId} through {other.Id}");
        }
    }

    [Fact]
    public async Task Terminate_NodeWithQueuedAuditRecords_LosesNone()
    {
        var nodes = await StartNodesAsync(2);
        const int count = 200;
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => nodes[0].PostJsonAsync("/v1/dispatch", Action("sigterm"))));

        Assert.Equal(0, await nodes[0].TerminateAsync());

        var page = await nodes[1].GetJsonAsync("/v1/audit?tenant=sigterm&limit=1");
        Assert.Equal(count, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Kill_NodeHoldingADueReminder_AnotherNodeFiresItOnce()
    {
        var nodes = await StartNodesAsync(3, ScheduleRules);
        Webhook.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstCall = Webhook.NextCall();

        var scheduled = await nodes[0].PostJsonAsync("/v1/dispatch", Action("reminder", actionType: "later"));
        Assert.Equal("scheduled", scheduled.GetProperty("outcome").GetString());
        var first = await Until.SignalAsync(firstCall, "the scheduled action's provider call");
        var holder = nodes.Single(n => n.Id == first.Source);
        await holder.KillAsync();
        var secondCall = Webhook.NextCall();
        var hold = Webhook.Hold;
        Webhook.Hold = null;
        hold.TrySetResult();

        var second = await Until.SignalAsync(secondCall, "the reminder firing again on a live node");
        Assert.NotEqual(holder.Id, second.Source);
        await Until.TrueAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM reminders;") == 0, "the fired reminder to be completed");
        Assert.Equal(2, Webhook.Calls.Count);
        var survivor = nodes.First(n => n != holder);
        await Until.TrueAsync(async () => Status(await survivor.GetJsonAsync("/admin/cluster"), holder.Id) == "dead", $"{holder.Id} shown as dead");
    }

    [Fact]
    public async Task ScheduledAction_TwoNodes_FiresOnceWithinOneSecondOfItsDueTime()
    {
        // The reminder belongs to whichever silo owns its grain's range of the ring, not to the node that took the request.
        var nodes = await StartNodesAsync(2, ScheduleRules);
        var call = Webhook.NextCall();
        var clock = Stopwatch.StartNew();

        await nodes[0].PostJsonAsync("/v1/dispatch", Action("due", actionType: "later"));
        var registered = clock.Elapsed;
        await Until.SignalAsync(call, "the scheduled action's provider call");

        Assert.True(clock.Elapsed < registered + TimeSpan.FromSeconds(2), $"registered after {registered}, fired after {clock.Elapsed} (due 1 s after registration)");
        await Until.TrueAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM reminders;") == 0, "the fired reminder to be removed");
        Assert.Single(Webhook.Calls);
    }

    [Fact]
    public async Task Dispatch_PostgresStoppedAndStarted_503WhileDownThen200()
    {
        // A server of its own: stopping it must not break the connections of other tests' nodes.
        await using var server = await PostgresServer.StartAsync();
        var node = await GatewayNode.StartAsync("outage", await server.CreateDatabaseAsync("outage"), Webhook.Url);
        Nodes.Add(node);
        await node.PostJsonAsync("/v1/dispatch", Action("outage", dedupKey: "before"));

        await server.StopServerAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var (status, body) = await node.SendAsync(HttpMethod.Post, "/v1/dispatch", Action("outage", dedupKey: "during"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.StartsWith("state store unavailable:", body.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the 503 took {clock.Elapsed}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await node.SendAsync(HttpMethod.Get, "/health/ready")).Status);
            Assert.Equal(HttpStatusCode.OK, (await node.SendAsync(HttpMethod.Get, "/health/live")).Status);
            Assert.Equal("down", (await node.GetJsonAsync("/health")).GetProperty("store").GetString());
        }
        finally
        {
            await server.StartServerAsync();
        }

        // The same dedup key again: its failed activation did not stick, and its claim was never written.
        JsonElement after = default;
        await Until.TrueAsync(async () =>
        {
            (var status, after) = await node.SendAsync(HttpMethod.Post, "/v1/dispatch", Action("outage", dedupKey: "during"));
            return status == HttpStatusCode.OK;
        }, "dispatch to work again after PostgreSQL is back");
        Assert.Equal("executed", after.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, (await node.SendAsync(HttpMethod.Get, "/health/ready")).Status);
        Assert.Equal("up", (await node.GetJsonAsync("/health")).GetProperty("store").GetString());
    }

    [Fact]
    public async Task Migrate_FreshDatabaseThenAgain_AppliesTheSchemaOnceAndExitsZero()
    {
        var directory = Directory.CreateTempSubdirectory("acteon-migrate-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), $"[state]\nbackend = \"postgres\"\nurl = \"{_url}\"\n");

        var first = await GatewayNode.RunToEndAsync(directory, "migrate", "-c", "acteon.toml");
        var second = await GatewayNode.RunToEndAsync(directory, "migrate", "-c", "acteon.toml");

        // A fresh database gets every step: as many as the schema's version.
        Assert.Equal((0, true), (first.ExitCode, System.Text.RegularExpressions.Regex.IsMatch(first.Output, @"schema at version (\d+) \(\1 step\(s\) applied\)")));
        Assert.Equal((0, true), (second.ExitCode, second.Output.Contains("0 step(s) applied", StringComparison.Ordinal)));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Start_PostgresUnreachable_ExitsWithCode3AndSaysSo()
    {
        var directory = Directory.CreateTempSubdirectory("acteon-unreachable-").FullName;
        var url = $"postgres://postgres@127.0.0.1:{GatewayNode.FreePort()}/none";
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), GatewayNode.Config("lonely", GatewayNode.FreePort(), url, Webhook.Url));
        Directory.CreateDirectory(Path.Combine(directory, "rules"));

        var (exitCode, output) = await GatewayNode.RunToEndAsync(directory, "-c", "acteon.toml");

        Assert.Equal(3, exitCode);
        Assert.Contains("acteon: state store unavailable:", output, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    private static object Action(string tenant, string? dedupKey = null, string actionType = "send") => dedupKey is null
        ? new { @namespace = "cluster", tenant, provider = "hook", action_type = actionType, payload = new { tenant } }
        : new { @namespace = "cluster", tenant, provider = "hook", action_type = actionType, payload = new { tenant }, dedup_key = dedupKey };

    /// <summary>Three nodes and a webhook shared by the tests that leave them running (each uses its own tenant).</summary>
    private Task<(IReadOnlyList<GatewayNode> Nodes, CountingWebhook Webhook)> SharedClusterAsync()
    {
        lock (SharedGate)
        {
            return _shared ??= StartSharedAsync(postgres);
        }

        static async Task<(IReadOnlyList<GatewayNode>, CountingWebhook)> StartSharedAsync(PostgresFixture postgres)
        {
            var webhook = postgres.Own(await CountingWebhook.StartAsync());
            var url = await postgres.Server.CreateDatabaseAsync("shared");
            var first = postgres.Own(await GatewayNode.StartAsync("node-0", url, webhook.Url));
            var rest = await Task.WhenAll(Enumerable.Range(1, 2).Select(async i => postgres.Own(await GatewayNode.StartAsync($"node-{i}", url, webhook.Url))));
            return ([first, .. rest], webhook);
        }
    }

    private static string? Status(JsonElement cluster, string nodeId) =>
        cluster.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("id").GetString() == nodeId)
            .Select(n => n.GetProperty("status").GetString()).FirstOrDefault();

    private async Task<IReadOnlyList<GatewayNode>> StartNodesAsync(int count, string rules = "rules: []\n", string cluster = "")
    {
        // One node first applies the schema; the others then start together.
        var started = new List<GatewayNode> { await GatewayNode.StartAsync("node-0", _url, Webhook.Url, rules, cluster) };
        Nodes.AddRange(started);
        var rest = await Task.WhenAll(Enumerable.Range(1, count - 1).Select(i => GatewayNode.StartAsync($"node-{i}", _url, Webhook.Url, rules, cluster)));
        Nodes.AddRange(rest);
        return [.. started, .. rest];
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_url);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
