using System.Net.Http.Json;
using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Streaming;
using Acteon.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Acteon.Gateway.Api.Tests.Streaming;

/// <summary><c>GET /v1/stream</c> on real Kestrel, read by a real HttpClient over a socket.</summary>
public sealed class StreamEndpointsTests
{
    [Fact]
    public async Task Stream_Dispatch_ActionDispatchedFrameInTheSeedFormatWithoutTheProviderBody()
    {
        await using var gateway = await KestrelGateway.StartAsync();
        await using var sse = await SseClient.OpenAsync(gateway.Client, "/v1/stream");

        var outcome = await DispatchAsync(gateway, "alerts", "send_email");
        var frame = await sse.NextFrameAsync();

        Assert.Equal("action_dispatched", frame.Event);
        var data = frame.Json;
        Assert.Equal(frame.Id, data.GetProperty("id").GetString());
        Assert.True(Guid.TryParse(frame.Id, out var id) && id.Version == 7);
        Assert.Equal(["id", "timestamp", "type", "outcome", "provider", "namespace", "tenant", "action_type", "action_id"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("action_dispatched", "log", "alerts", "tenant-1", "send_email"),
            (data.GetProperty("type").GetString(), data.GetProperty("provider").GetString(), data.GetProperty("namespace").GetString(),
             data.GetProperty("tenant").GetString(), data.GetProperty("action_type").GetString()));
        Assert.Equal(outcome.GetProperty("action_id").GetString(), data.GetProperty("action_id").GetString());
        Assert.EndsWith("Z", data.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        var streamed = data.GetProperty("outcome");
        Assert.Equal(("executed", "success"), (streamed.GetProperty("outcome").GetString(), streamed.GetProperty("response").GetProperty("status").GetString()));
        Assert.True(outcome.GetProperty("response").GetProperty("body").GetProperty("logged").GetBoolean());
        Assert.Equal(JsonValueKind.Null, streamed.GetProperty("response").GetProperty("body").ValueKind);
    }

    [Fact]
    public async Task Stream_Filters_OnlyMatchingEventsArriveInOrder()
    {
        await using var gateway = await KestrelGateway.StartAsync("""
            [[providers]]
            name = "down"
            type = "webhook"
            url = "http://127.0.0.1:9/hook"
            """);
        await using var byNamespace = await SseClient.OpenAsync(gateway.Client, "/v1/stream?namespace=alerts&action_type=page");
        await using var byOutcome = await SseClient.OpenAsync(gateway.Client, "/v1/stream?outcome=failed");
        await using var byType = await SseClient.OpenAsync(gateway.Client, "/v1/stream?event_type=group_flushed");
        await using var outcomeDropsOtherTypes = await SseClient.OpenAsync(gateway.Client, "/v1/stream?outcome=executed");

        await DispatchAsync(gateway, "other", "page");
        await DispatchAsync(gateway, "alerts", "email");
        Publisher(gateway).Publish(StreamEvent.GroupFlushed("alerts", "tenant-1", "g-1", "key", 3));
        var failed = await DispatchAsync(gateway, "other", "email", provider: "down");
        var wanted = await DispatchAsync(gateway, "alerts", "page");

        Assert.Equal(wanted.GetProperty("action_id").GetString(), (await byNamespace.NextFrameAsync()).Json.GetProperty("action_id").GetString());
        Assert.Equal(failed.GetProperty("action_id").GetString(), (await byOutcome.NextFrameAsync()).Json.GetProperty("action_id").GetString());
        var group = await byType.NextFrameAsync();
        Assert.Equal(("group_flushed", "g-1", 3), (group.Event, group.Json.GetProperty("group_id").GetString(), group.Json.GetProperty("event_count").GetInt32()));
        var executed = new[] { await outcomeDropsOtherTypes.NextFrameAsync(), await outcomeDropsOtherTypes.NextFrameAsync(), await outcomeDropsOtherTypes.NextFrameAsync() };
        Assert.All(executed, f => Assert.Equal(("action_dispatched", "executed"), (f.Event, f.Json.GetProperty("outcome").GetProperty("outcome").GetString())));
        Assert.Equal(wanted.GetProperty("action_id").GetString(), executed[2].Json.GetProperty("action_id").GetString());
    }

    [Fact]
    public async Task Stream_LastEventId_ResumesAfterItFromTheBuffer()
    {
        await using var gateway = await KestrelGateway.StartAsync();
        string lastSeen;
        await using (var first = await SseClient.OpenAsync(gateway.Client, "/v1/stream"))
        {
            await DispatchAsync(gateway, "ns", "one");
            lastSeen = (await first.NextFrameAsync()).Id!;
        }

        var missed = new[] { await DispatchAsync(gateway, "ns", "two"), await DispatchAsync(gateway, "ns", "three") };
        await using var resumed = await SseClient.OpenAsync(gateway.Client, "/v1/stream", lastEventId: lastSeen);
        var live = await DispatchAsync(gateway, "ns", "four");

        var frames = new[] { await resumed.NextFrameAsync(), await resumed.NextFrameAsync(), await resumed.NextFrameAsync() };
        Assert.Equal(
            [.. missed.Select(m => m.GetProperty("action_id").GetString()), live.GetProperty("action_id").GetString()],
            frames.Select(f => f.Json.GetProperty("action_id").GetString()));
    }

    [Fact]
    public async Task Stream_LastEventIdNoLongerBuffered_LaggedFirstThenWhatIsBuffered()
    {
        await using var gateway = await KestrelGateway.StartAsync("""
            [server]
            sse_replay_buffer = 2
            """);
        string oldest;
        await using (var first = await SseClient.OpenAsync(gateway.Client, "/v1/stream"))
        {
            await DispatchAsync(gateway, "ns", "one");
            oldest = (await first.NextFrameAsync()).Id!;
        }

        await DispatchAsync(gateway, "ns", "two");
        var kept = await DispatchAsync(gateway, "ns", "three");
        await using var resumed = await SseClient.OpenAsync(gateway.Client, "/v1/stream", lastEventId: oldest);

        var lagged = await resumed.NextFrameAsync();
        Assert.Equal(("lagged", null, "{\"skipped\":null}"), (lagged.Event, lagged.Id, lagged.Data));
        Assert.Equal("two", (await resumed.NextFrameAsync()).Json.GetProperty("action_type").GetString());
        Assert.Equal(kept.GetProperty("action_id").GetString(), (await resumed.NextFrameAsync()).Json.GetProperty("action_id").GetString());
    }

    [Fact]
    public async Task Stream_SlowClient_EventsBeyondItsBufferAreSkippedAndItGetsLagged()
    {
        await using var gateway = await KestrelGateway.StartAsync("""
            [server]
            sse_client_buffer = 4
            sse_replay_buffer = 16
            """);
        var hub = gateway.Services.GetRequiredService<StreamHub>();
        await using var slow = await SseClient.OpenAsync(gateway.Client, "/v1/stream");

        // The client reads nothing: once the socket's buffers are full the server's writes wait, and its queue overflows.
        var published = 0;
        await Wait.UntilAsync(() =>
        {
            for (var i = 0; i < 2000; i++, published++)
            {
                Publisher(gateway).Publish(StreamEvent.GroupFlushed("ns", "t", $"g-{published}", new string('k', 200), published));
            }

            return Task.FromResult(hub.SkippedEvents > 0);
        }, "events to be skipped for a client that does not read", TimeSpan.FromSeconds(60));

        var lagged = await slow.NextAsync("lagged");
        Assert.Null(lagged.Id);
        Assert.True(lagged.Json.GetProperty("skipped").GetInt64() > 0);
        Assert.Equal("group_flushed", (await slow.NextFrameAsync()).Event);
    }

    [Fact]
    public async Task Stream_OverTheConnectionLimit_429UntilOneCloses()
    {
        await using var gateway = await KestrelGateway.StartAsync("""
            [server]
            max_sse_connections_per_tenant = 1
            """);
        var first = await SseClient.OpenAsync(gateway.Client, "/v1/stream");

        using (var refused = await gateway.Client.GetAsync(new Uri("/v1/stream", UriKind.Relative)))
        {
            var body = await GatewayApp.ReadAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.Equal("too many concurrent SSE connections for this tenant", body.GetProperty("error").GetString());
        }
        await first.DisposeAsync();
        await Wait.UntilAsync(async () =>
        {
            using var response = await gateway.Client.GetAsync(new Uri("/v1/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            return response.StatusCode == HttpStatusCode.OK;
        }, "the closed stream's slot to be given back");
    }

    [Fact]
    public async Task Stream_Disabled_503()
    {
        await using var gateway = await KestrelGateway.StartAsync("""
            [server]
            sse_enabled = false
            """);

        using var response = await gateway.Client.GetAsync(new Uri("/v1/stream", UriKind.Relative));

        var body = await GatewayApp.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("SSE streaming is not enabled", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/v1/stream?tenant=t", "tenant")]
    [InlineData("/v1/stream?event_type=nope", "event_type")]
    [InlineData("/v1/stream?outcome=fine", "outcome")]
    public async Task Stream_BadQuery_400NamingTheParameter(string url, string parameter)
    {
        await using var gateway = await KestrelGateway.StartAsync();

        using var response = await gateway.Client.GetAsync(new Uri(url, UriKind.Relative));

        var body = await GatewayApp.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, body.GetProperty("details")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Stream_Idle_KeepAlivePingEveryFifteenSecondsOfTheGatewayClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var gateway = await KestrelGateway.StartAsync(time: clock);
        await using var sse = await SseClient.OpenAsync(gateway.Client, "/v1/stream");

        var ping = sse.NextFrameAsync(includeComments: true);
        clock.Advance(TimeSpan.FromSeconds(14));
        Assert.False(ping.IsCompleted);
        // The timer may be armed a moment after the headers went out: advance until the ping arrives.
        await Wait.UntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(ping.IsCompleted);
        }, "a keep-alive comment");

        Assert.Equal(": ping", (await ping).Comment);
    }

    private static IStreamEventPublisher Publisher(KestrelGateway gateway) => gateway.Services.GetRequiredService<IStreamEventPublisher>();

    private static async Task<JsonElement> DispatchAsync(KestrelGateway gateway, string ns, string actionType, string provider = "log")
    {
        using var response = await gateway.Client.PostAsJsonAsync("/v1/dispatch", new
        {
            @namespace = ns, tenant = "tenant-1", provider, action_type = actionType, payload = new { to = "x" },
        });
        return await GatewayApp.ReadAsync(response, HttpStatusCode.OK);
    }
}
