using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.ApprovalKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Streaming;

/// <summary>
/// The event types of the stream other than dispatch outcomes (<c>group_flushed</c>, <c>timeout</c>,
/// <c>chain_advanced</c>, <c>approval_required</c>), each published by its feature's grain after the write that
/// decided it and read from <c>GET /v1/stream?event_type=...</c> by an HTTP client, on a driven clock.
/// </summary>
public sealed class FeatureStreamEventsTests
{
    [Fact]
    public async Task Stream_GroupFlush_GroupFlushedFrameWithTheGroupAndItsEventCount()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), time: clock, remindersOnTime: true,
            rules: Files(Rule("group-alerts", "{field: action.action_type, eq: alert}", "{type: group, group_by: [payload.service], group_wait_seconds: 30}")));
        await using var sse = await SseClient.OpenAsync(app.CreateClient(), "/v1/stream?event_type=group_flushed");

        var first = await app.PostJsonAsync("/v1/dispatch", Act(actionType: "alert", payload: new { service = "api", n = 1 }));
        await app.PostJsonAsync("/v1/dispatch", Act(actionType: "alert", payload: new { service = "api", n = 2 }));
        clock.Advance(TimeSpan.FromSeconds(30));
        await listener.WaitForRequestsAsync(1, Limit, "the group's summary");
        var frame = await sse.NextFrameAsync();

        Assert.Equal("group_flushed", frame.Event);
        var data = frame.Json;
        Assert.Equal(frame.Id, data.GetProperty("id").GetString());
        Assert.Equal(("group_flushed", "notifications", "tenant-1"), Scope(data));
        Assert.Equal(first.GetProperty("group_id").GetString(), data.GetProperty("group_id").GetString());
        Assert.Equal(first.GetProperty("group_key").GetString(), data.GetProperty("group_key").GetString());
        Assert.Equal(2, data.GetProperty("event_count").GetInt32());
    }

    [Fact]
    public async Task Stream_StateMachineTimeout_TimeoutFrameWithTheFingerprintAndBothStates()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url) + """

            [[state_machines]]
            name = "alert"
            initial_state = "open"
            states = ["open", "acknowledged", "resolved"]
            transitions = [
              { from = "open", to = "acknowledged" },
              { from = "acknowledged", to = "resolved" },
            ]
            timeouts = [{ in_state = "acknowledged", after_seconds = 300, transition_to = "open" }]

            """, time: clock, remindersOnTime: true, rules: Files(Rule("incidents", "{field: action.action_type, eq: incident}",
            "{type: state_machine, state_machine: alert, fingerprint_fields: [action_type, payload.host]}")));
        await using var sse = await SseClient.OpenAsync(app.CreateClient(), "/v1/stream?event_type=timeout");
        var incident = (Dictionary<string, object?>)Act(actionType: "incident", payload: new { host = "web-1" });
        incident["status"] = "acknowledged";

        var fingerprint = (await app.PostJsonAsync("/v1/dispatch", incident)).GetProperty("fingerprint").GetString()!;
        clock.Advance(TimeSpan.FromSeconds(300));
        await listener.WaitForRequestsAsync(1, Limit, "the timeout_notification");
        var frame = await sse.NextFrameAsync();

        Assert.Equal("timeout", frame.Event);
        var data = frame.Json;
        Assert.Equal(frame.Id, data.GetProperty("id").GetString());
        Assert.Equal(("timeout", "notifications", "tenant-1"), Scope(data));
        Assert.Equal((fingerprint, "alert", "acknowledged", "open"), (data.GetProperty("fingerprint").GetString(), data.GetProperty("state_machine").GetString(),
            data.GetProperty("previous_state").GetString(), data.GetProperty("new_state").GetString()));
    }

    [Fact]
    public async Task Stream_ChainSteps_ChainAdvancedFramePerStepWithTheNextStepAndStatus()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(hook.Url) + ChainKit.Triage, time: clock, rules: ChainKit.ChainRule("triage"), services: ChainKit.FastReminders);
        await using var sse = await SseClient.OpenAsync(app.CreateClient(), "/v1/stream?event_type=chain_advanced");

        var chainId = (await app.PostJsonAsync("/v1/dispatch", ChainKit.Incident())).GetProperty("chain_id").GetString()!;
        var classified = await sse.NextFrameAsync();
        clock.Advance(TimeSpan.FromSeconds(60));
        var ticketed = await sse.NextFrameAsync();

        foreach (var frame in new[] { classified, ticketed })
        {
            Assert.Equal("chain_advanced", frame.Event);
            Assert.Equal(frame.Id, frame.Json.GetProperty("id").GetString());
            Assert.Equal(("chain_advanced", "notifications", "tenant-1"), Scope(frame.Json));
            Assert.Equal(chainId, frame.Json.GetProperty("chain_id").GetString());
        }

        Assert.Equal(("classify", "ticket", "running"), Step(classified.Json));
        Assert.Equal(("ticket", null, "completed"), Step(ticketed.Json));
        Assert.Equal(JsonValueKind.Null, ticketed.Json.GetProperty("next_step").ValueKind);
    }

    [Fact]
    public async Task Stream_ApprovalRequested_ApprovalRequiredFrameWithIdsOnlyAndNoUrl()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(hook.Url) + Hook(notify.Url, "notify") + Server(("k1", Key1)), time: clock,
            rules: Files(ApprovalRule()), services: FastReminders);
        await using var sse = await SseClient.OpenAsync(app.CreateClient(), "/v1/stream?event_type=approval_required");

        var body = await app.PostJsonAsync("/v1/dispatch", Act());
        var frame = await sse.NextFrameAsync();

        Assert.Equal("pending_approval", Outcome(body));
        Assert.Equal("approval_required", frame.Event);
        var data = frame.Json;
        Assert.Equal(frame.Id, data.GetProperty("id").GetString());
        Assert.Equal(("approval_required", "notifications", "tenant-1"), Scope(data));
        Assert.Equal(body.GetProperty("approval_id").GetString(), data.GetProperty("approval_id").GetString());
        Assert.Equal("send", data.GetProperty("action_type").GetString());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("action_id").GetString()));
        if (body.TryGetProperty("action_id", out var actionId))
        {
            Assert.Equal(actionId.GetString(), data.GetProperty("action_id").GetString());
        }

        foreach (var url in new[] { body.GetProperty("approve_url").GetString()!, body.GetProperty("reject_url").GetString()!, ExternalUrl, "http", "/v1/approvals", "sig=", "_url" })
        {
            Assert.DoesNotContain(url, frame.Data!, StringComparison.Ordinal);
        }
    }

    private static (string?, string?, string?) Scope(JsonElement data) =>
        (data.GetProperty("type").GetString(), data.GetProperty("namespace").GetString(), data.GetProperty("tenant").GetString());

    private static (string?, string?, string?) Step(JsonElement data) =>
        (data.GetProperty("step_name").GetString(), data.GetProperty("next_step").GetString(), data.GetProperty("status").GetString());
}
