using Acteon.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Rules page: the list, enable/disable, reload with its errors by file and line, the playground.</summary>
public sealed class RulesTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    private string RulesDirectory => Path.Combine(Gateway.Directory, "rules");

    private static ILocator Ready(IPage page) => page.Locator(".page-rules[data-ready=true]");

    [Fact]
    public async Task Viewer_SeesTheSeededRules_WithSourceAndAction_AndNoButtonThatChangesThem()
    {
        var page = await OpenAsync("viewer", "rules");
        await Expect(Ready(page)).ToBeVisibleAsync();
        var spam = page.Locator(".rules-list tr[data-rule='suppress-spam']");
        await Expect(spam).ToContainTextAsync("suppress");
        await Expect(spam).ToContainTextAsync("rules/rules.yaml:2");
        await Expect(spam).ToContainTextAsync("enabled");
        await Expect(page.Locator(".rules-list tr[data-rule='run-triage']")).ToContainTextAsync("chain");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reload rules" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".rules-list button")).ToHaveCountAsync(0);
        await ShotAsync(page, "rules-viewer");
    }

    [Fact]
    public async Task DisableThenEnable_ChangesTheRule_AsTheApiSeesIt()
    {
        var name = $"toggle-{Guid.NewGuid():N}";
        var file = Path.Combine(RulesDirectory, $"zz-{name}.yaml");
        await File.WriteAllTextAsync(file, $"""
            rules:
              - name: {name}
                priority: 900
                condition: {"{"} field: action.action_type, eq: {name} {"}"}
                action: {"{"} type: suppress {"}"}
            """);
        try
        {
            var reload = await Gateway.OkAsync(HttpMethod.Post, "/v1/rules/reload");
            Assert.Equal(0, reload.GetProperty("errors").GetArrayLength());
            var page = await OpenAsync("operator", "rules");
            await Expect(Ready(page)).ToBeVisibleAsync();
            var row = page.Locator($".rules-list tr[data-rule='{name}']");
            await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
            await Expect(row).ToContainTextAsync("disabled");
            Assert.False(await EnabledAsync(name));

            await row.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
            await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Disable" })).ToBeVisibleAsync();
            Assert.True(await EnabledAsync(name));
            await ShotAsync(page, "rules-toggle");

            // The rule's file goes away behind the page's back: the 404 shows beside the button that caused it.
            File.Delete(file);
            await Gateway.OkAsync(HttpMethod.Post, "/v1/rules/reload");
            await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
            await Expect(row.Locator(".error")).ToContainTextAsync($"rule not found: {name}");
        }
        finally
        {
            File.Delete(file);
            await Gateway.OkAsync(HttpMethod.Post, "/v1/rules/reload");
        }
    }

    [Fact]
    public async Task Reload_WithABrokenFile_ShowsItsFileAndLine_ThenReloadsFineOnceItIsGone()
    {
        var name = $"zz-broken-{Guid.NewGuid():N}.yaml";
        var file = Path.Combine(RulesDirectory, name);
        var page = await OpenAsync("operator", "rules");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await File.WriteAllTextAsync(file, """
            rules:
              - name: broken-rule
                priority: 950
                condition:
                  field: action.action_type
                  sounds_like: spam
                action: { type: suppress }
            """);
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Reload rules" }).ClickAsync();
            var error = page.Locator(".reload-result .error");
            await Expect(error).ToContainTextAsync("The reload failed");
            var errorRow = error.Locator("tbody tr", new() { HasText = name });
            await Expect(errorRow.Locator("td").Nth(0)).ToHaveTextAsync($"rules/{name}");
            await Expect(errorRow.Locator("td").Nth(1)).ToHaveTextAsync("6");
            await Expect(errorRow.Locator("td").Nth(2)).ToContainTextAsync("sounds_like");
            await ShotAsync(page, "rules-reload-error");
        }
        finally
        {
            File.Delete(file);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Reload rules" }).ClickAsync();
        await Expect(page.Locator(".reload-result")).ToContainTextAsync("Reloaded:");
        await Expect(page.Locator(".reload-result .error")).ToHaveCountAsync(0);
        var rules = await Gateway.OkAsync(HttpMethod.Get, "/v1/rules");
        Assert.DoesNotContain(rules.GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == "broken-rule");
    }

    [Fact]
    public async Task Playground_ShowsTheVerdictAndEveryRulesPart()
    {
        var page = await OpenAsync("viewer", "rules");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await page.Locator("#playground-provider").SelectOptionAsync("hook");
        await page.Locator("#playground-action_type").FillAsync("metric_alert");
        await page.Locator("#playground-payload").FillAsync("""{"service": "db"}""");
        await page.GetByLabel("Evaluate every rule").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate" }).ClickAsync();

        var result = page.Locator(".playground-result");
        await Expect(result).ToContainTextAsync("Verdict group by rule group-metrics");
        await Expect(result.Locator("tr[data-rule='group-metrics']")).ToContainTextAsync("matched");
        await Expect(result.Locator("tr[data-rule='suppress-spam']")).ToContainTextAsync("not_matched");
        await Expect(result.Locator("tr[data-rule='run-triage']")).ToContainTextAsync("action.action_type");
        await ShotAsync(page, "rules-playground");

        // The API's 400 for a missing namespace shows beside that field.
        await page.Locator("#playground-namespace").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate" }).ClickAsync();
        await Expect(page.Locator(".field-with-error:has(#playground-namespace) .error-slot")).ToContainTextAsync("$.namespace must be a non-empty string");
    }

    [Fact]
    public async Task Keyboard_ReachesEveryControlOfTheRulesPage()
    {
        var page = await OpenAsync("operator", "rules");
        await Expect(Ready(page)).ToBeVisibleAsync();
        var count = await KeyboardReach.AssertEveryControlReachableAsync(page);
        Assert.True(count >= 15, $"{count} controls");
    }

    private async Task<bool> EnabledAsync(string name)
    {
        var rules = await Gateway.OkAsync(HttpMethod.Get, "/v1/rules");
        return rules.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("enabled").GetBoolean();
    }
}
