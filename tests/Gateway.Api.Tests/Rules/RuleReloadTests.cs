using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Rules;

/// <summary><c>POST /v1/rules/reload</c> is all or nothing, and the folder is watched.</summary>
public sealed class RuleReloadTests
{
    private const string OnSend = "{field: action.action_type, eq: send}";

    [Fact]
    public async Task Reload_WithABrokenFile_ReportsFileAndLineAndKeepsTheRunningRules()
    {
        await using var app = new GatewayApp(rules: Files(Rule("stop", OnSend, "{type: suppress}")));
        Assert.Equal("suppressed", Outcome(await app.PostJsonAsync("/v1/dispatch", Act(provider: "log"))));
        await System.IO.File.WriteAllTextAsync(Path.Combine(app.RulesDirectory, "new.yaml"), File(Rule("new-rule", "{field: action.action_type, eq: y}", "{type: deny}", priority: 5)));
        await System.IO.File.WriteAllTextAsync(Path.Combine(app.RulesDirectory, "broken.yaml"), "rules:\n  - name: bad\n    condition: {field: action.id, eq: x\n    action: {type: allow}\n");

        var reload = await app.PostJsonAsync("/v1/rules/reload", new { });
        var listed = await app.GetJsonAsync("/v1/rules");
        var dispatched = await app.PostJsonAsync("/v1/dispatch", Act(provider: "log"));

        Assert.Equal(0, reload.GetProperty("loaded").GetInt32());
        var error = Assert.Single(reload.GetProperty("errors").EnumerateArray());
        Assert.EndsWith("broken.yaml", error.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Contains("broken.yaml:3:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["stop"], listed.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("suppressed", Outcome(dispatched));

        await System.IO.File.WriteAllTextAsync(Path.Combine(app.RulesDirectory, "broken.yaml"), File(Rule("fixed", "{field: action.id, eq: x}", "{type: allow}", priority: 9)));
        var fixedReload = await app.PostJsonAsync("/v1/rules/reload", new { });
        var relisted = await app.GetJsonAsync("/v1/rules");

        Assert.Equal(3, fixedReload.GetProperty("loaded").GetInt32());
        Assert.Empty(fixedReload.GetProperty("errors").EnumerateArray());
        Assert.Equal(["stop", "new-rule", "fixed"], relisted.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Reload_WithoutARulesFolder_409()
    {
        await using var app = new GatewayApp();

        var error = await app.PostJsonAsync("/v1/rules/reload", new { }, HttpStatusCode.Conflict);

        Assert.Contains("[rules] directory", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_ChangedFile_ReloadedByItself()
    {
        await using var app = new GatewayApp(rules: Files(Rule("stop", OnSend, "{type: suppress}")), watchRules: true);
        Assert.Equal("suppressed", Outcome(await app.PostJsonAsync("/v1/dispatch", Act(provider: "log"))));

        await System.IO.File.WriteAllTextAsync(Path.Combine(app.RulesDirectory, "rules.yaml"), File(Rule("deny-others", "{field: action.action_type, eq: other}", "{type: deny}")));

        await Wait.UntilAsync(async () =>
        {
            var listed = await app.GetJsonAsync("/v1/rules");
            return listed.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()).SequenceEqual(["deny-others"]);
        }, "the watcher to reload rules.yaml with the rule deny-others");
        Assert.Equal("executed", Outcome(await app.PostJsonAsync("/v1/dispatch", Act(provider: "log"))));
    }
}
