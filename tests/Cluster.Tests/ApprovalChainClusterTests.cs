using System.Net;
using System.Text.Json;
using Acteon.Cluster.Tests.Support;
using Acteon.Tests.Shared;
using Xunit;

namespace Acteon.Cluster.Tests;

/// <summary>
/// Approvals and chains on real Gateway.Api processes sharing one real PostgreSQL: one approval decided through two
/// nodes at once, and a chain whose node is killed (SIGKILL) between its steps.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApprovalChainClusterTests(PostgresFixture postgres) : NodesTest
{
    private const string ApprovalRules = """
        rules:
          - name: needs-human
            condition: {field: action.action_type, eq: risky}
            action: {type: request_approval, notify_provider: hook, timeout_seconds: 600}
        """;

    private const string ApprovalKeys = """approval_keys = [{id = "k1", secret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"}]""";

    private const string ChainRules = """
        rules:
          - name: start-chain
            condition: {field: action.action_type, eq: incident}
            action: {type: chain, chain: two-steps}
        """;

    private const string Chain = """

        [[chains]]
        name = "two-steps"

        [[chains.steps]]
        name = "one"
        provider = "hook"
        action_type = "step-one"
        payload_template = { chain = "{{chain_id}}" }

        [[chains.steps]]
        name = "two"
        provider = "hook"
        action_type = "step-two"
        delay_seconds = 8
        payload_template = { first = "{{prev.body.accepted}}" }

        """;

    private string _url = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _url = await postgres.Server.CreateDatabaseAsync("approvals");
    }

    [Fact]
    public async Task Approve_ThroughTwoNodesAtTheSameInstant_OneExecution()
    {
        var nodes = await StartNodesAsync(2, ApprovalRules, server: ApprovalKeys);
        var pending = await nodes[0].PostJsonAsync("/v1/dispatch", Action("risky"));
        Assert.Equal("pending_approval", pending.GetProperty("outcome").GetString());
        var link = new Uri(pending.GetProperty("approve_url").GetString()!).PathAndQuery;

        using var start = new SemaphoreSlim(0);
        var clicks = Enumerable.Range(0, 10).Select(async i =>
        {
            await start.WaitAsync();
            return (await nodes[i % 2].SendAsync(HttpMethod.Post, link)).Status;
        }).ToList();
        start.Release(clicks.Count);
        var statuses = await Task.WhenAll(clicks);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Single(CallsOf("risky"));
        var listed = await nodes[1].GetJsonAsync("/v1/approvals?namespace=cluster&tenant=approvals");
        Assert.Equal("approved", listed.GetProperty("approvals")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Chain_NodeKilledBetweenSteps_ResumesOnAnotherNodeAndEachStepRunsOnce()
    {
        var nodes = await StartNodesAsync(3, ChainRules, extra: Chain);
        var firstStep = Webhook.NextCall();

        var started = await nodes[0].PostJsonAsync("/v1/dispatch", Action("incident"));
        Assert.Equal("chain_started", started.GetProperty("outcome").GetString());
        var chainId = started.GetProperty("chain_id").GetString()!;
        var first = await Until.SignalAsync(firstStep, "the chain's first step");
        var holder = nodes.Single(n => n.Id == first.Source);
        // Between the steps: the first step's result is stored and the second waits for its delay.
        await Until.TrueAsync(async () => await ChainAsync(holder, chainId) is (_, 1), "the first step's result to be stored");
        await holder.KillAsync();
        var survivor = nodes.First(n => n != holder);

        await Until.TrueAsync(async () => await ChainAsync(survivor, chainId) is ("completed", _),
            "the chain to complete on a surviving node", TimeSpan.FromSeconds(90));

        var one = Assert.Single(CallsOf("step-one"));
        var two = Assert.Single(CallsOf("step-two"));
        Assert.NotEqual(holder.Id, two.Source);
        Assert.Equal($"{chainId}:one:a1", Id(one.Body));
        Assert.Equal($"{chainId}:two:a1", Id(two.Body));
        Assert.Equal(2, Webhook.Calls.Count);
    }

    private static object Action(string actionType) =>
        new { @namespace = "cluster", tenant = "approvals", provider = "hook", action_type = actionType, payload = new { alert = 1 } };

    /// <summary>The chain's status and current step; null while the node answers 503 (the chain's silo died and is not yet declared dead).</summary>
    private static async Task<(string Status, int CurrentStep)?> ChainAsync(GatewayNode node, string chainId)
    {
        var (status, body) = await node.SendAsync(HttpMethod.Get, $"/v1/chains/{chainId}?namespace=cluster&tenant=approvals");
        return status == HttpStatusCode.OK ? (body.GetProperty("status").GetString()!, body.GetProperty("current_step").GetInt32()) : null;
    }

    private static string? Id(string body) => JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();

    private List<(string Body, string Source)> CallsOf(string actionType) =>
        [.. Webhook.Calls.Where(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("action_type").GetString() == actionType)];

    private async Task<IReadOnlyList<GatewayNode>> StartNodesAsync(int count, string rules, string server = "", string extra = "")
    {
        // One node first applies the schema; the others then start together.
        var first = await GatewayNode.StartAsync("node-0", _url, Webhook.Url, rules, server: server, extra: extra);
        Nodes.Add(first);
        var rest = await Task.WhenAll(Enumerable.Range(1, count - 1).Select(i => GatewayNode.StartAsync($"node-{i}", _url, Webhook.Url, rules, server: server, extra: extra)));
        Nodes.AddRange(rest);
        return [first, .. rest];
    }
}
