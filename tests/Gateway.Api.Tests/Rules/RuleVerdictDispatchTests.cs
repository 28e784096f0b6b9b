using Acteon.Grains.Abstractions;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Rules;

/// <summary>Each simple verdict a rule can give, carried out through <c>POST /v1/dispatch</c>.</summary>
public sealed class RuleVerdictDispatchTests
{
    private const string OnSend = "{field: action.action_type, eq: send}";

    [Theory]
    [InlineData("deny")]
    [InlineData("suppress")]
    public async Task Dispatch_DenyOrSuppressRule_SuppressedWithRuleAndProviderNeverCalled(string kind)
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), rules: Files(Rule("stop-sends", OnSend, $"{{type: {kind}}}")));

        var body = await app.PostJsonAsync("/v1/dispatch", Act());

        Assert.Equal("suppressed", Outcome(body));
        Assert.Equal("stop-sends", body.GetProperty("rule").GetString());
        Assert.Empty(listener.Requests);
    }

    [Fact]
    public async Task Dispatch_DeduplicateRuleWithTtl_DuplicateWithinTtlDeduplicatedAndExecutedAfterIt()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), time: clock,
            rules: Files(Rule("dedup-sends", OnSend, "{type: deduplicate, ttl_seconds: 60}")));

        var first = await app.PostJsonAsync("/v1/dispatch", Act(dedupKey: "k1"));
        var second = await app.PostJsonAsync("/v1/dispatch", Act(dedupKey: "k1"));
        var otherKey = await app.PostJsonAsync("/v1/dispatch", Act(dedupKey: "k2"));
        clock.Advance(TimeSpan.FromSeconds(61));
        var afterTtl = await app.PostJsonAsync("/v1/dispatch", Act(dedupKey: "k1"));

        Assert.Equal("executed", Outcome(first));
        Assert.Equal("deduplicated", Outcome(second));
        Assert.Equal("k1", second.GetProperty("dedup_key").GetString());
        Assert.Equal("executed", Outcome(otherKey));
        Assert.Equal("executed", Outcome(afterTtl));
        Assert.Equal(3, listener.Requests.Count);
    }

    [Fact]
    public async Task Dispatch_ThrottleRule_ThirdThrottledAndRejectedHitsDoNotExtendTheWindow()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), time: clock,
            rules: Files(Rule("throttle-sends", OnSend, "{type: throttle, max_count: 2, window_seconds: 60}")));

        var first = await app.PostJsonAsync("/v1/dispatch", Act());
        clock.Advance(TimeSpan.FromSeconds(30));
        var second = await app.PostJsonAsync("/v1/dispatch", Act());
        var third = await app.PostJsonAsync("/v1/dispatch", Act());
        clock.Advance(TimeSpan.FromSeconds(25));
        var fourth = await app.PostJsonAsync("/v1/dispatch", Act());
        clock.Advance(TimeSpan.FromSeconds(6));
        var afterWindow = await app.PostJsonAsync("/v1/dispatch", Act());

        Assert.Equal("executed", Outcome(first));
        Assert.Equal("executed", Outcome(second));
        Assert.Equal("throttled", Outcome(third));
        Assert.Equal("throttle-sends", third.GetProperty("rule").GetString());
        var retryAfter = third.GetProperty("retry_after_seconds").GetInt32();
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(30, retryAfter);
        Assert.Equal("throttled", Outcome(fourth));
        Assert.Equal(5, fourth.GetProperty("retry_after_seconds").GetInt32());
        Assert.Equal("executed", Outcome(afterWindow));
        Assert.Equal(3, listener.Requests.Count);
    }

    [Fact]
    public async Task Dispatch_RerouteRule_TargetProviderCalledAndAnswerNamesBoth()
    {
        await using var original = await WebhookListener.StartAsync();
        await using var target = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(original.Url) + Hook(target.Url, "backup"),
            rules: Files(Rule("to-backup", OnSend, "{type: reroute, target_provider: backup}")));

        var body = await app.PostJsonAsync("/v1/dispatch", Act());

        Assert.Equal("rerouted", Outcome(body));
        Assert.Equal("hook", body.GetProperty("original_provider").GetString());
        Assert.Equal("backup", body.GetProperty("new_provider").GetString());
        Assert.True(body.GetProperty("response").GetProperty("body").GetProperty("accepted").GetBoolean());
        Assert.Single(target.Requests);
        Assert.Empty(original.Requests);
    }

    [Fact]
    public async Task Dispatch_ModifyRule_ProviderSeesPatchedPayloadAndAuditKeepsOriginal()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url),
            rules: Files(Rule("redact", "{field: action.payload.card, matches: '^\\d{16}$'}", "{type: modify, changes: {card: null, redacted: true, meta: {by: acteon}}}")));

        var body = await app.PostJsonAsync("/v1/dispatch", Act(payload: new { card = "4111111111111111", amount = 5 }));
        await app.FlushAuditAsync();
        var record = await app.GetJsonAsync($"/v1/audit/{body.GetProperty("action_id").GetString()}");

        Assert.Equal("executed", Outcome(body));
        var (sent, _) = Assert.Single(listener.Requests);
        Assert.Contains("\"payload\":{\"amount\":5,\"redacted\":true,\"meta\":{\"by\":\"acteon\"}}", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", sent, StringComparison.Ordinal);
        Assert.Equal("modify", record.GetProperty("verdict").GetString());
        Assert.Equal("redact", record.GetProperty("matched_rule").GetString());
        Assert.Equal("4111111111111111", record.GetProperty("action_payload").GetProperty("card").GetString());
        Assert.False(record.GetProperty("action_payload").TryGetProperty("redacted", out _));
    }

    [Fact]
    public async Task Dispatch_ScheduleRule_HeldThenDeliveredThroughThePipelineNotBeforeItsDueTime()
    {
        // Real time: the reminder is Orleans', on Orleans' clock. How late it runs is a benchmark (`-- schedule`), not an assertion.
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), rules: Files(Rule("later", OnSend, "{type: schedule, delay_seconds: 2}")));

        var body = await app.PostJsonAsync("/v1/dispatch", Act());

        Assert.Equal("scheduled", Outcome(body));
        Assert.True(JsonTime.TryParse(body.GetProperty("scheduled_for").GetString(), out var due));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("action_id").GetString()));
        Assert.Empty(listener.Requests);

        await listener.WaitForRequestsAsync(1, Limit, "the scheduled action to be delivered");
        await Wait.UntilAsync(async () => await AuditCountAsync(app, "?caller_id=scheduler&outcome=executed") == 1, "the audit record of the scheduled dispatch");
        var record = (await app.GetJsonAsync("/v1/audit?caller_id=scheduler")).GetProperty("records")[0];
        Assert.True(JsonTime.TryParse(record.GetProperty("dispatched_at").GetString(), out var dispatched));
        Assert.True(dispatched >= due, $"dispatched at {dispatched:O}, before its due time {due:O}");
        Assert.Equal(1, await AuditCountAsync(app, "?outcome=scheduled&matched_rule=later"));
        Assert.Single(listener.Requests);
    }

    [Fact]
    public async Task Dispatch_ScheduledActionOnSqlite_SurvivesARestartAndIsDelivered()
    {
        await using var listener = await WebhookListener.StartAsync();
        var rules = Files(Rule("later", OnSend, "{type: schedule, delay_seconds: 3}"));
        string directory;
        await using (var first = new GatewayApp(Hook(listener.Url), backend: "sqlite", rules: rules))
        {
            directory = first.Directory;
            var body = await first.PostJsonAsync("/v1/dispatch", Act());
            Assert.Equal("scheduled", Outcome(body));
        }

        Assert.Empty(listener.Requests);
        await using var second = new GatewayApp(Hook(listener.Url), backend: "sqlite", directory: directory, rules: rules);
        _ = second.Services;

        await listener.WaitForRequestsAsync(1, Limit, "the scheduled action to be delivered by the restarted node");
        await Wait.UntilAsync(async () => await AuditCountAsync(second, "?caller_id=scheduler&outcome=executed") == 1, "the audit record of the scheduled dispatch");
        Assert.Single(listener.Requests);
    }
}
