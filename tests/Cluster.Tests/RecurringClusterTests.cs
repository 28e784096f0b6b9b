using System.Text.Json;
using Acteon.Cluster.Tests.Support;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Tests.Shared;
using Xunit;

namespace Acteon.Cluster.Tests;

/// <summary>A recurring action on three real gateway processes over one real PostgreSQL, counted at the provider (a webhook listener).</summary>
[Collection(PostgresCollection.Name)]
public sealed class RecurringClusterTests(PostgresFixture postgres) : NodesTest
{
    private const int Period = 5;

    // Every 5 s (6-field cron; the minimum lowered for the test); the reminder retries every second, so the node that
    // takes over the reminder ticks within a second of owning it.
    private static readonly string Recurring = $"\n[recurring]\nmin_interval_seconds = {Period}\nretry_seconds = 1\n";


    [Fact]
    public async Task Kill_NodeHoldingTheRecurringActionMidDispatch_NoOccurrenceMissedAfterTakeOverAndNoneExecutedTwice()
    {
        var url = await postgres.Server.CreateDatabaseAsync("recurring");
        Nodes.Add(await GatewayNode.StartAsync("node-0", url, Webhook.Url, extra: Recurring));
        Nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, 2).Select(i => GatewayNode.StartAsync($"node-{i}", url, Webhook.Url, extra: Recurring))));
        var created = await Nodes[0].SendAsync(HttpMethod.Post, "/v1/recurring", new
        {
            @namespace = "cluster", tenant = "recurring", cron_expr = $"*/{Period} * * * * *", provider = "hook",
            action_type = "tick", payload = new { n = 1 },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.Status);
        var id = created.Body.GetProperty("recurring_id").GetString()!;
        await Until.TrueAsync(() => Task.FromResult(Webhook.Calls.Count >= 2), "two occurrences before the kill", TimeSpan.FromSeconds(60));

        // The next occurrence's provider call is held, and its node is killed while it waits: dispatched, never recorded.
        Webhook.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = await Until.SignalAsync(Webhook.NextCall(), "the occurrence to kill its node in", TimeSpan.FromSeconds(60));
        var holder = Nodes.Single(n => n.Id == held.Source);
        await holder.KillAsync();
        var hold = Webhook.Hold;
        Webhook.Hold = null;
        hold.TrySetResult();
        var killedAt = Occurrence(held.Body);

        // A survivor takes the reminder over and runs every occurrence from the held one on (late, not missed).
        await Until.TrueAsync(() => Task.FromResult(Webhook.Calls.Count(c => c.Source != holder.Id && Occurrence(c.Body) > killedAt) >= 3),
            "three occurrences after the held one, run by the nodes that are left", TimeSpan.FromSeconds(120));
        var survivor = Nodes.First(n => n != holder);
        var (pauseStatus, paused) = await survivor.SendAsync(HttpMethod.Post, $"/v1/recurring/{id}/pause?namespace=cluster&tenant=recurring", new { });
        Assert.Equal(System.Net.HttpStatusCode.OK, pauseStatus);

        var calls = Webhook.Calls.ToList();
        var occurrences = calls.Select(c => Occurrence(c.Body)).ToList();
        var ids = calls.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(calls.Count, ids.Distinct().Count());
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
        Assert.All(calls, c => Assert.Equal(RecurringKey.OccurrenceId(id, Occurrence(c.Body)), JsonDocument.Parse(c.Body).RootElement.GetProperty("id").GetString()));
        var ordered = occurrences.Order().ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(Period), ordered[i] - ordered[i - 1]);
        }

        Assert.Single(calls, c => Occurrence(c.Body) == killedAt);
        Assert.Equal(calls.Count, paused.GetProperty("execution_count").GetInt64());
    }

    private static DateTimeOffset Occurrence(string body)
    {
        var labels = JsonDocument.Parse(body).RootElement.GetProperty("metadata").GetProperty("labels");
        return JsonTime.TryParse(labels.GetProperty("recurring_occurrence").GetString(), out var at) ? at : throw new FormatException(body);
    }
}
