using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Rules;

/// <summary><c>POST /v1/rules/evaluate</c>: the trace of every rule, without dispatching.</summary>
public sealed class RulePlaygroundTests
{
    private static Dictionary<string, string> Rules() => Files(
        Rule("off-suppress", "{field: action.action_type, eq: send}", "{type: suppress}", priority: 1, enabled: false),
        Rule("reroute-sends", "{field: action.action_type, eq: send}", "{type: reroute, target_provider: backup}", priority: 2),
        Rule("deny-wipes", "{field: action.action_type, eq: wipe}", "{type: deny}", priority: 3),
        Rule("also-sends", "{all: [{field: action.action_type, eq: send}, {not: {field: action.payload.quiet, eq: true}}]}", "{type: modify, changes: {tagged: true}}", priority: 4),
        Rule("night-only", "{field: time.hour, lt: 6}", "{type: suppress}", priority: 5));

    private static Dictionary<string, object?> Request(string actionType = "send", bool? includeDisabled = null, bool? evaluateAll = null, string? evaluateAt = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["namespace"] = "notifications",
            ["tenant"] = "tenant-1",
            ["provider"] = "hook",
            ["action_type"] = actionType,
            ["payload"] = new { to = "user@example.com" },
            ["include_disabled"] = includeDisabled,
            ["evaluate_all"] = evaluateAll,
            ["evaluate_at"] = evaluateAt,
        };
        return body.Where(kv => kv.Value is not null).ToDictionary();
    }

    private static List<(string Rule, string Result, string? Reason)> Trace(JsonElement body) =>
        [.. body.GetProperty("trace").EnumerateArray().Select(t => (t.GetProperty("rule_name").GetString()!, t.GetProperty("result").GetString()!, t.GetProperty("reason").GetString()))];

    [Fact]
    public async Task Evaluate_Default_TraceOfEveryRuleAndNothingDispatched()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var backup = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url) + Hook(backup.Url, "backup"), rules: Rules());

        var body = await app.PostJsonAsync("/v1/rules/evaluate", Request(evaluateAt: "2026-01-15T10:00:00Z"));

        Assert.Equal("reroute", body.GetProperty("verdict").GetString());
        Assert.Equal("reroute-sends", body.GetProperty("matched_rule").GetString());
        Assert.Equal("backup", body.GetProperty("would_be_provider").GetString());
        Assert.Equal(
            [("off-suppress", "skipped", "disabled"), ("reroute-sends", "matched", null), ("deny-wipes", "skipped", "earlier_rule_matched"),
             ("also-sends", "skipped", "earlier_rule_matched"), ("night-only", "skipped", "earlier_rule_matched")],
            Trace(body));
        Assert.Empty(listener.Requests);
        Assert.Empty(backup.Requests);
        Assert.Equal(0, await AuditCountAsync(app));
    }

    [Fact]
    public async Task Evaluate_IncludeDisabled_DisabledRuleEvaluatedButNotTheVerdict()
    {
        await using var backup = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(backup.Url) + Hook(backup.Url, "backup"), rules: Rules());

        var body = await app.PostJsonAsync("/v1/rules/evaluate", Request(includeDisabled: true, evaluateAt: "2026-01-15T10:00:00Z"));
        var trace = body.GetProperty("trace");

        Assert.Equal(("off-suppress", "matched", null), Trace(body)[0]);
        Assert.False(trace[0].GetProperty("enabled").GetBoolean());
        Assert.Equal("reroute-sends", body.GetProperty("matched_rule").GetString());
        Assert.Equal(("reroute-sends", "matched", null), Trace(body)[1]);
    }

    [Fact]
    public async Task Evaluate_EvaluateAll_EveryEnabledRuleEvaluatedFirstMatchStillDecides()
    {
        await using var backup = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(backup.Url) + Hook(backup.Url, "backup"), rules: Rules());

        var body = await app.PostJsonAsync("/v1/rules/evaluate", Request(evaluateAll: true, evaluateAt: "2026-01-15T10:00:00Z"));

        Assert.Equal(
            [("off-suppress", "skipped", "disabled"), ("reroute-sends", "matched", null), ("deny-wipes", "not_matched", "condition is false"),
             ("also-sends", "matched", null), ("night-only", "not_matched", "condition is false")],
            Trace(body));
        Assert.Equal("reroute-sends", body.GetProperty("matched_rule").GetString());
        Assert.Equal(4, body.GetProperty("total_rules_evaluated").GetInt32());
        Assert.Equal(1, body.GetProperty("total_rules_skipped").GetInt32());
    }

    [Theory]
    [InlineData("2026-01-15T05:59:59Z", "suppress", "night-only")]
    [InlineData("2026-01-15T06:00:00Z", "allow", null)]
    public async Task Evaluate_EvaluateAt_TimeConditionsSeeThatInstant(string at, string verdict, string? rule)
    {
        await using var backup = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(backup.Url) + Hook(backup.Url, "backup"), rules: Rules());

        var body = await app.PostJsonAsync("/v1/rules/evaluate", Request(actionType: "other", evaluateAt: at));

        Assert.Equal(verdict, body.GetProperty("verdict").GetString());
        Assert.Equal(rule, body.GetProperty("matched_rule").GetString());
        Assert.Equal(at, body.GetProperty("evaluated_at").GetString());
    }

    [Fact]
    public async Task Evaluate_ModifyRule_ShowsThePatchedPayload()
    {
        await using var backup = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(backup.Url) + Hook(backup.Url, "backup"), rules: Files(Rule("tag", "{field: action.action_type, eq: send}", "{type: modify, changes: {tagged: true, to: null}}")));

        var body = await app.PostJsonAsync("/v1/rules/evaluate", Request());

        Assert.Equal("modify", body.GetProperty("verdict").GetString());
        Assert.Equal("{\"tagged\":true}", body.GetProperty("modified_payload").GetRawText());
    }

    [Theory]
    [InlineData("evaluate_at", "\"tomorrow\"", "$.evaluate_at")]
    [InlineData("evaluate_at", "12", "$.evaluate_at")]
    [InlineData("include_disabled", "\"yes\"", "$.include_disabled")]
    [InlineData("evaluate_all", "1", "$.evaluate_all")]
    [InlineData("action_type", "null", "$.action_type")]
    public async Task Evaluate_BadInput_400NamingTheField(string field, string json, string path)
    {
        await using var backup = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(backup.Url) + Hook(backup.Url, "backup"), rules: Rules());
        var body = JsonSerializer.SerializeToNode(Request())!.AsObject();
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        var error = await app.PostJsonAsync("/v1/rules/evaluate", body, HttpStatusCode.BadRequest);

        Assert.Contains(path, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains(error.GetProperty("details").EnumerateArray(), d => d.GetProperty("path").GetString() == path);
    }
}
