using System.Text.Json;
using Acteon.Cluster.Tests.Support;
using Acteon.Tests.Shared;
using Xunit;

namespace Acteon.Cluster.Tests;

/// <summary>A group fed through three real nodes on PostgreSQL, its holder killed with SIGKILL mid-flush.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupClusterTests(PostgresFixture postgres) : NodesTest
{
    private const string GroupRules = """
        rules:
          - name: group-alerts
            priority: 1
            condition:
              field: action.action_type
              eq: alert
            action:
              type: group
              group_by: [payload.service]
              group_wait_seconds: 10
        """;


    [Fact]
    public async Task Group_EventsThroughThreeNodesHolderKilledBetweenFlushDecisionAndSend_OneNotificationWithEveryEvent()
    {
        var url = await postgres.Server.CreateDatabaseAsync("groups");
        Nodes.Add(await GatewayNode.StartAsync("node-0", url, Webhook.Url, GroupRules));
        Nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, 2).Select(i => GatewayNode.StartAsync($"node-{i}", url, Webhook.Url, GroupRules))));
        Webhook.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstCall = Webhook.NextCall();

        // group_wait leaves the nine posts ten seconds on a loaded machine: all of them are in the group before its flush.
        for (var n = 0; n < 9; n++)
        {
            var outcome = await Nodes[n % 3].PostJsonAsync("/v1/dispatch", new
            {
                @namespace = "cluster", tenant = "groups", provider = "hook", action_type = "alert", payload = new { service = "api", n },
            });
            Assert.Equal("grouped", outcome.GetProperty("outcome").GetString());
        }

        // The flush is decided and stored; its send is held at the webhook while the node that sends it is killed.
        var first = await Until.SignalAsync(firstCall, "the group's flush to reach the webhook");
        var holder = Nodes.Single(n => n.Id == first.Source);
        var secondCall = Webhook.NextCall();
        await holder.KillAsync();
        var hold = Webhook.Hold;
        Webhook.Hold = null;
        hold.TrySetResult();

        var second = await Until.SignalAsync(secondCall, "the stored flush sent again by a live node", TimeSpan.FromSeconds(90));
        Assert.NotEqual(holder.Id, second.Source);
        var survivor = Nodes.First(n => n != holder);
        await Until.TrueAsync(async () => (await survivor.GetJsonAsync("/v1/groups?namespace=cluster&tenant=groups")).GetProperty("total").GetInt32() == 0,
            "the group to end once its flush is sent");

        var notifications = Webhook.Calls.Select(c => JsonDocument.Parse(c.Body).RootElement).ToList();
        Assert.All(notifications, n => Assert.Equal("group_notification", n.GetProperty("action_type").GetString()));
        // One notification in effect: the resend carries the flush's id, so a receiver keeping ids sees it once.
        Assert.Single(notifications.Select(n => n.GetProperty("id").GetString()).Distinct());
        var events = notifications[^1].GetProperty("payload").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("n").GetInt32()).Order();
        Assert.Equal(Enumerable.Range(0, 9), events);
    }

    [Fact]
    public async Task Group_HolderKilledBeforeItsFlushIsDue_ExactlyOneNotificationWithEveryEvent()
    {
        var url = await postgres.Server.CreateDatabaseAsync("groups_before");
        Nodes.Add(await GatewayNode.StartAsync("node-0", url, Webhook.Url, GroupRules.Replace("group_wait_seconds: 10", "group_wait_seconds: 20", StringComparison.Ordinal)));
        Nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, 2).Select(i =>
            GatewayNode.StartAsync($"node-{i}", url, Webhook.Url, GroupRules.Replace("group_wait_seconds: 10", "group_wait_seconds: 20", StringComparison.Ordinal)))));
        for (var n = 0; n < 9; n++)
        {
            await Nodes[n % 3].PostJsonAsync("/v1/dispatch", new
            {
                @namespace = "cluster", tenant = "groups", provider = "hook", action_type = "alert", payload = new { service = "api", n },
            });
        }

        // A group's grain is placed on the node that took its first event (PreferLocalPlacement): node-0 holds it.
        var call = Webhook.NextCall();
        await Nodes[0].KillAsync();

        var delivered = await Until.SignalAsync(call, "the group's notification from a live node", TimeSpan.FromSeconds(90));
        Assert.NotEqual("node-0", delivered.Source);
        await Until.TrueAsync(async () => (await Nodes[1].GetJsonAsync("/v1/groups?namespace=cluster&tenant=groups")).GetProperty("total").GetInt32() == 0,
            "the group to end once its flush is sent");
        var notification = JsonDocument.Parse(Assert.Single(Webhook.Calls).Body).RootElement;
        Assert.Equal(Enumerable.Range(0, 9), notification.GetProperty("payload").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("n").GetInt32()).Order());
    }
}
