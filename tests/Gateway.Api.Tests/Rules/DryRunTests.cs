using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Rules;

/// <summary><c>?dry_run=true</c>: the verdict, the rule and the provider it would use, and nothing else happens.</summary>
public sealed class DryRunTests
{
    private static Dictionary<string, string> EveryVerdict() => Files(
        Rule("allow-pings", "{field: action.action_type, eq: ping}", "{type: allow}"),
        Rule("deny-wipes", "{field: action.action_type, eq: wipe}", "{type: deny}"),
        Rule("suppress-tests", "{field: action.action_type, eq: test}", "{type: suppress}"),
        Rule("dedup-welcomes", "{field: action.action_type, eq: welcome}", "{type: deduplicate, ttl_seconds: 600}"),
        Rule("throttle-alerts", "{field: action.action_type, eq: alert}", "{type: throttle, max_count: 1, window_seconds: 600}"),
        Rule("reroute-low", "{field: action.action_type, eq: low}", "{type: reroute, target_provider: backup}"),
        Rule("modify-cards", "{field: action.action_type, eq: card}", "{type: modify, changes: {card: null}}"),
        Rule("schedule-orders", "{field: action.action_type, eq: order}", "{type: schedule, delay_seconds: 60}"));

    [Theory]
    [InlineData("ping", "allow", "allow-pings", "hook")]
    [InlineData("wipe", "deny", "deny-wipes", "hook")]
    [InlineData("test", "suppress", "suppress-tests", "hook")]
    [InlineData("welcome", "deduplicate", "dedup-welcomes", "hook")]
    [InlineData("alert", "throttle", "throttle-alerts", "hook")]
    [InlineData("low", "reroute", "reroute-low", "backup")]
    [InlineData("card", "modify", "modify-cards", "hook")]
    [InlineData("order", "schedule", "schedule-orders", "hook")]
    public async Task DryRun_MatchingRule_VerdictRuleNameAndWouldBeProvider(string actionType, string verdict, string rule, string provider)
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var backup = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url) + Hook(backup.Url, "backup"), rules: EveryVerdict());

        var body = await app.PostJsonAsync("/v1/dispatch?dry_run=true", Act(actionType: actionType, dedupKey: actionType == "welcome" ? "k" : null));

        Assert.Equal("dry_run", Outcome(body));
        Assert.Equal(verdict, body.GetProperty("verdict").GetString());
        Assert.Equal(rule, body.GetProperty("matched_rule").GetString());
        Assert.Equal(provider, body.GetProperty("would_be_provider").GetString());
        Assert.Empty(listener.Requests);
        Assert.Empty(backup.Requests);
        Assert.Equal(0, await AuditCountAsync(app));
    }

    [Fact]
    public async Task DryRun_NoRuleMatches_AllowWithoutRule()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url) + Hook(listener.Url, "backup"), rules: EveryVerdict());

        var body = await app.PostJsonAsync("/v1/dispatch?dry_run=true", Act(actionType: "other"));

        Assert.Equal("allow", body.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("matched_rule").ValueKind);
        Assert.Equal("hook", body.GetProperty("would_be_provider").GetString());
    }

    [Fact]
    public async Task DryRun_Repeated_ChangesNoDedupOrThrottleStateAndWritesNoAudit()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url) + Hook(listener.Url, "backup"), rules: EveryVerdict());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("deduplicate", (await app.PostJsonAsync("/v1/dispatch?dry_run=true", Act(actionType: "welcome", dedupKey: "same"))).GetProperty("verdict").GetString());
            Assert.Equal("throttle", (await app.PostJsonAsync("/v1/dispatch?dry_run=true", Act(actionType: "alert"))).GetProperty("verdict").GetString());
            Assert.Equal("schedule", (await app.PostJsonAsync("/v1/dispatch?dry_run=true", Act(actionType: "order"))).GetProperty("verdict").GetString());
        }

        Assert.Empty(listener.Requests);
        Assert.Equal(0, await AuditCountAsync(app));
        // A dry run is no dispatch: /metrics counts none of the nine.
        Assert.Equal(0, (await app.GetJsonAsync("/metrics")).GetProperty("dispatched").GetInt64());

        var dedup = await app.PostJsonAsync("/v1/dispatch", Act(actionType: "welcome", dedupKey: "same"));
        var throttle = await app.PostJsonAsync("/v1/dispatch", Act(actionType: "alert"));

        Assert.Equal("executed", Outcome(dedup));
        Assert.Equal("executed", Outcome(throttle));
        Assert.Equal(2, listener.Requests.Count);
        Assert.Equal(2, await AuditCountAsync(app));
        Assert.Equal(2, (await app.GetJsonAsync("/metrics")).GetProperty("dispatched").GetInt64());
    }
}
