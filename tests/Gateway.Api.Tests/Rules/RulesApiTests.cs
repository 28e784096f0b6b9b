using System.Text;
using Acteon.Gateway.Api.Tests.Support;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Rules;

/// <summary><c>GET /v1/rules</c> and <c>PUT /v1/rules/{name}/enabled</c>: the listing, toggles and their durability.</summary>
public sealed class RulesApiTests
{
    private const string OnSend = "{field: action.action_type, eq: send}";

    [Fact]
    public async Task ListRules_SeveralFiles_OrderedByPriorityWithEnabledFlags()
    {
        await using var app = new GatewayApp(rules: new Dictionary<string, string>
        {
            ["a.yaml"] = File(Rule("late", OnSend, "{type: suppress}", priority: 30)),
            ["b.yml"] = File(
                Rule("first", OnSend, "{type: deny}", priority: 1),
                Rule("middle-off", OnSend, "{type: allow}", priority: 20, enabled: false)),
        });

        var body = await app.GetJsonAsync("/v1/rules");
        var rules = body.GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(["first", "middle-off", "late"], rules.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([1, 20, 30], rules.Select(r => r.GetProperty("priority").GetInt32()));
        Assert.Equal([true, false, true], rules.Select(r => r.GetProperty("enabled").GetBoolean()));
        Assert.Equal("rule late", rules[2].GetProperty("description").GetString());
    }

    [Fact]
    public async Task SetEnabled_UnknownRule_404()
    {
        await using var app = new GatewayApp(rules: Files(Rule("stop", OnSend, "{type: suppress}")));

        var error = await app.PutJsonAsync("/v1/rules/no-such-rule/enabled", new { enabled = false }, HttpStatusCode.NotFound);

        Assert.Equal("rule not found: no-such-rule", error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"enabled\":\"no\"}")]
    [InlineData("[false]")]
    public async Task SetEnabled_BadBody_400NamingEnabled(string json)
    {
        await using var app = new GatewayApp(rules: Files(Rule("stop", OnSend, "{type: suppress}")));

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await app.CreateClient().PutAsync(new Uri("/v1/rules/stop/enabled", UriKind.Relative), content);
        var error = await GatewayApp.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("$.enabled", error.GetProperty("details")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task SetEnabled_DisableThenEnable_TakesEffectOnTheNextDispatch()
    {
        await using var app = new GatewayApp(rules: Files(Rule("stop", OnSend, "{type: suppress}")));

        var before = await app.PostJsonAsync("/v1/dispatch", Act(provider: "log"));
        var disabled = await app.PutJsonAsync("/v1/rules/stop/enabled", new { enabled = false });
        var whileDisabled = await app.PostJsonAsync("/v1/dispatch", Act(provider: "log"));
        var listed = await app.GetJsonAsync("/v1/rules");
        await app.PutJsonAsync("/v1/rules/stop/enabled", new { enabled = true });
        var after = await app.PostJsonAsync("/v1/dispatch", Act(provider: "log"));

        Assert.Equal("suppressed", Outcome(before));
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Equal("executed", Outcome(whileDisabled));
        Assert.False(listed.GetProperty("rules")[0].GetProperty("enabled").GetBoolean());
        Assert.Equal("suppressed", Outcome(after));
    }

    [Fact]
    public async Task SetEnabled_ThenReload_ToggleSurvives()
    {
        await using var app = new GatewayApp(rules: Files(Rule("stop", OnSend, "{type: suppress}")));

        await app.PutJsonAsync("/v1/rules/stop/enabled", new { enabled = false });
        var reload = await app.PostJsonAsync("/v1/rules/reload", new { });
        var listed = await app.GetJsonAsync("/v1/rules");
        var dispatched = await app.PostJsonAsync("/v1/dispatch", Act(provider: "log"));

        Assert.Equal(1, reload.GetProperty("loaded").GetInt32());
        Assert.False(listed.GetProperty("rules")[0].GetProperty("enabled").GetBoolean());
        Assert.Equal("executed", Outcome(dispatched));
    }

    [Fact]
    public async Task SetEnabled_OnSqliteThenRestart_ToggleSurvives()
    {
        var rules = Files(Rule("stop", OnSend, "{type: suppress}"), Rule("off-in-file", "{field: action.action_type, eq: x}", "{type: deny}", priority: 2, enabled: false));
        string directory;
        await using (var first = new GatewayApp(backend: "sqlite", rules: rules))
        {
            directory = first.Directory;
            await first.PutJsonAsync("/v1/rules/stop/enabled", new { enabled = false });
            await first.PutJsonAsync("/v1/rules/off-in-file/enabled", new { enabled = true });
        }

        await using var second = new GatewayApp(backend: "sqlite", directory: directory, rules: rules);
        var listed = await second.GetJsonAsync("/v1/rules");
        var dispatched = await second.PostJsonAsync("/v1/dispatch", Act(provider: "log"));
        var denied = await second.PostJsonAsync("/v1/dispatch", Act(provider: "log", actionType: "x"));

        Assert.Equal([false, true], listed.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("enabled").GetBoolean()));
        Assert.Equal("executed", Outcome(dispatched));
        Assert.Equal("suppressed", Outcome(denied));
    }
}
