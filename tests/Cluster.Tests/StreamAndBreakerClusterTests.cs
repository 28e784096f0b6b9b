using System.Diagnostics;
using System.Globalization;
using Acteon.Cluster.Tests.Support;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Acteon.Cluster.Tests;

/// <summary>
/// Two real Gateway.Api processes on one real PostgreSQL: stream events and circuit-breaker states cross between them
/// through the database's LISTEN/NOTIFY.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StreamAndBreakerClusterTests(PostgresFixture postgres, ITestOutputHelper output) : NodesTest
{
    private const string Breakers = """
        [[providers]]
        name = "down"
        type = "webhook"
        url = "http://127.0.0.1:9/hook"

        [circuit_breaker]
        enabled = true
        failure_threshold = 3
        recovery_timeout_seconds = 600
        """;


    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var url = await postgres.Server.CreateDatabaseAsync("stream");
        Nodes.Add(await GatewayNode.StartAsync("node-a", url, Webhook.Url, extra: Breakers));
        Nodes.Add(await GatewayNode.StartAsync("node-b", url, Webhook.Url, extra: Breakers));
    }

    [Fact]
    public async Task Stream_ActionDispatchedOnNodeA_ArrivesOnAStreamOpenedOnNodeB()
    {
        var (a, b) = (Nodes[0], Nodes[1]);
        await using var sse = await SseClient.OpenAsync(b.Client, "/v1/stream?namespace=stream");
        // Until node B's LISTEN is up, what node A sends passes it by: dispatch until one arrives.
        var first = sse.NextFrameAsync();
        await Until.TrueAsync(async () =>
        {
            await a.PostJsonAsync("/v1/dispatch", Action("warm-up"));
            return first.IsCompleted;
        }, "a first event from node A on node B's stream");
        await first;

        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var dispatched = await a.PostJsonAsync("/v1/dispatch", Action($"t-{i}"));
            var frame = await Until.SignalAsync(NextOfAsync(sse, dispatched.GetProperty("action_id").GetString()!), $"event {i} on node B");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            Assert.Equal("action_dispatched", frame.Event);
            Assert.Equal($"t-{i}", frame.Json.GetProperty("tenant").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, frame.Json.GetProperty("outcome").GetProperty("response").GetProperty("body").ValueKind);
        }

        latencies.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dispatch on A (HTTP round trip included) → SSE frame on B: p50 {latencies[10]:0.0} ms, max {latencies[^1]:0.0} ms over 20"));
    }

    [Fact]
    public async Task Breaker_OpenedByFailuresSeenOnNodeA_RejectsOnNodeB()
    {
        var (a, b) = (Nodes[0], Nodes[1]);
        // Node B uses the breaker first, so it holds it as closed; what opens it on node A must reach B.
        Assert.Equal("failed", (await b.PostJsonAsync("/v1/dispatch", Down())).GetProperty("outcome").GetString());

        Assert.Equal("failed", (await a.PostJsonAsync("/v1/dispatch", Down())).GetProperty("outcome").GetString());
        Assert.Equal("failed", (await a.PostJsonAsync("/v1/dispatch", Down())).GetProperty("outcome").GetString());
        Assert.Equal("circuit_open", (await a.PostJsonAsync("/v1/dispatch", Down())).GetProperty("outcome").GetString());

        await Until.TrueAsync(async () => (await b.Client.GetStringAsync(new Uri("/metrics/prometheus", UriKind.Relative)))
            .Split('\n').Any(l => l.StartsWith("acteon_circuit_breaker_state", StringComparison.Ordinal) && l.Contains("provider=\"down\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)),
            "node B's copy of the breaker to be open");
        var rejected = await b.PostJsonAsync("/v1/dispatch", Down());
        var listed = await b.GetJsonAsync("/admin/circuit-breakers");

        Assert.Equal(("circuit_open", "down"), (rejected.GetProperty("outcome").GetString(), rejected.GetProperty("provider").GetString()));
        Assert.Equal("open", listed.GetProperty("circuit_breakers").EnumerateArray().Single(x => x.GetProperty("provider").GetString() == "down").GetProperty("state").GetString());
    }

    private static object Action(string tenant) => new { @namespace = "stream", tenant, provider = "hook", action_type = "send", payload = new { tenant } };

    private static object Down() => new { @namespace = "breaker", tenant = "t", provider = "down", action_type = "send", payload = new { } };

    /// <summary>The frame of <paramref name="actionId"/>, skipping the warm-up's that are still arriving.</summary>
    private static async Task<SseFrame> NextOfAsync(SseClient sse, string actionId)
    {
        while (true)
        {
            var frame = await sse.NextFrameAsync();
            if (frame.Json.GetProperty("action_id").GetString() == actionId)
            {
                return frame;
            }
        }
    }
}
