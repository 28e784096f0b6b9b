using System.Text.Json;
using Acteon.Cluster.Tests.Support;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Tests.Shared;
using Xunit;

namespace Acteon.Cluster.Tests;

/// <summary>A recurring action on three real gateway processes over one real PostgreSQL, counted at the provider (a webhook listener).</summary>
[Collection(PostgresCollection.Name)]
public sealed class RecurringClusterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const int Period = 5;

    // Every 5 s (6-field cron; the minimum lowered for the test); the reminder retries every second, so the node that
    // takes over the reminder ticks within a second of owning it.
    private static readonly string Recurring = $"\n[recurring]\nmin_interval_seconds = {Period}\nretry_seconds = 1\n";

    private readonly List<GatewayNode> _nodes = [];
    private CountingWebhook _webhook = null!;

    public async Task InitializeAsync() => _webhook = await CountingWebhook.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _webhook.DisposeAsync();
    }

    [Fact]
    public async Task Kill_NodeHoldingTheRecurringActionMidDispatch_NoOccurrenceMissedAfterTakeOverAndNoneExecutedTwice()
    {
        var url = await postgres.Server.CreateDatabaseAsync("recurring");
        _nodes.Add(await GatewayNode.StartAsync("node-0", url, _webhook.Url, extra: Recurring));
        _nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, 2).Select(i => GatewayNode.StartAsync($"node-{i}", url, _webhook.Url, extra: Recurring))));
        var created = await _nodes[0].SendAsync(HttpMethod.Post, "/v1/recurring", new
        {
            @namespace = "cluster", tenant = "recurring", cron_expr = $"*/{Period} * * * * *", provider = "hook",
            action_type = "tick", payload = new { n = 1 },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.Status);
        var id = created.Body.GetProperty("recurring_id").GetString()!;
        await Until.TrueAsync(() => Task.FromResult(_webhook.Calls.Count >= 2), "two occurrences before the kill", TimeSpan.FromSeconds(60));

        // The next occurrence's provider call is held, and its node is killed while it waits: dispatched, never recorded.
        _webhook.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = await Until.SignalAsync(_webhook.NextCall(), "the occurrence to kill its node in", TimeSpan.FromSeconds(60));
        var holder = _nodes.Single(n => n.Id == held.Source);
        await holder.KillAsync();
        var hold = _webhook.Hold;
        _webhook.Hold = null;
        hold.TrySetResult();
        var killedAt = Occurrence(held.Body);

        // A survivor takes the reminder over and runs every occurrence from the held one on (late, not missed).
        await Until.TrueAsync(() => Task.FromResult(_webhook.Calls.Count(c => c.Source != holder.Id && Occurrence(c.Body) > killedAt) >= 3),
            "three occurrences after the held one, run by the nodes that are left", TimeSpan.FromSeconds(120));
        var survivor = _nodes.First(n => n != holder);
        var (pauseStatus, paused) = await survivor.SendAsync(HttpMethod.Post, $"/v1/recurring/{id}/pause?namespace=cluster&tenant=recurring", new { });
        Assert.Equal(System.Net.HttpStatusCode.OK, pauseStatus);

        var calls = _webhook.Calls.ToList();
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
