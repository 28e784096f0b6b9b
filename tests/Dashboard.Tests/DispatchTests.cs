using System.Text.Json;
using Acteon.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Dispatch page: a dispatch and a dry run with its trace, the payload checked before sending, the API's 400 by field.</summary>
public sealed class DispatchTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    private static ILocator Field(IPage page, string id) => page.Locator($"#dispatch-{id}");

    private static ILocator FieldError(IPage page, string id) => page.Locator($".field-with-error:has(#dispatch-{id}) .error-slot");

    [Fact]
    public async Task Dispatch_ExecutesTheAction_AndTheAuditHasItWithItsLabels()
    {
        var actionType = $"dashboard_send_{Guid.NewGuid():N}";
        var page = await OpenAsync("operator", "dispatch");
        await Expect(page.Locator(".page-dispatch[data-ready=true]")).ToBeVisibleAsync();
        await Expect(Field(page, "namespace")).ToHaveValueAsync(DashboardGateway.Namespace);
        await Expect(Field(page, "tenant")).ToHaveValueAsync(DashboardGateway.Tenant);
        await Field(page, "provider").SelectOptionAsync("log");
        await Field(page, "action_type").FillAsync(actionType);
        await Field(page, "payload").FillAsync("""{"to": "ops@example.com", "n": 1}""");
        await page.Locator("#dispatch-labels").FillAsync("team=ops\nsource=dashboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispatch", Exact = true }).ClickAsync();

        var result = page.Locator(".dispatch-result");
        await Expect(result).ToContainTextAsync("Executed: the provider answered success");
        var answer = JsonDocument.Parse(await result.Locator("pre.json").TextContentAsync() ?? "").RootElement;
        Assert.Equal("executed", answer.GetProperty("outcome").GetString());
        var actionId = answer.GetProperty("action_id").GetString()!;
        await ShotAsync(page, "dispatch-executed");

        var record = await Gateway.OkAsync(HttpMethod.Get, $"/v1/audit/{actionId}");
        Assert.Equal(actionType, record.GetProperty("action_type").GetString());
        Assert.Equal("log", record.GetProperty("provider").GetString());
        Assert.Equal("ops", record.GetProperty("metadata").GetProperty("team").GetString());
        Assert.Equal(1, record.GetProperty("action_payload").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task DryRun_ShowsTheVerdictAndTheRuleTrace_AndDispatchesNothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var page = await OpenAsync("operator", "dispatch");
        await Expect(page.Locator(".page-dispatch[data-ready=true]")).ToBeVisibleAsync();
        await Field(page, "action_type").FillAsync("spam");
        await Field(page, "payload").FillAsync($$"""{"marker": "{{marker}}"}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();

        var result = page.Locator(".dispatch-result");
        await Expect(result).ToContainTextAsync("Dry run: verdict suppress by rule suppress-spam");
        await Expect(result.Locator("table.trace tr[data-rule='suppress-spam']")).ToContainTextAsync("matched");
        await Expect(result.Locator("table.trace tr[data-rule='group-metrics']")).ToContainTextAsync("earlier_rule_matched");
        await ShotAsync(page, "dispatch-dry-run");

        var audit = await Gateway.OkAsync(HttpMethod.Get, $"/v1/audit?namespace={DashboardGateway.Namespace}&tenant={DashboardGateway.Tenant}&action_type=spam&limit=1000");
        foreach (var r in audit.GetProperty("records").EnumerateArray())
        {
            Assert.DoesNotContain(marker, r.GetProperty("action_payload").GetRawText());
        }
    }

    [Fact]
    public async Task InvalidPayloadJson_IsShownBesideThePayload_BeforeAnythingIsSent()
    {
        var page = await OpenAsync("operator", "dispatch");
        await Expect(page.Locator(".page-dispatch[data-ready=true]")).ToBeVisibleAsync();
        var sent = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/v1/dispatch", StringComparison.Ordinal) || request.Url.Contains("/v1/rules/evaluate", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref sent);
            }
        };
        await Field(page, "action_type").FillAsync("dashboard_bad_json");
        await Field(page, "payload").FillAsync("""{"to": oops}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispatch", Exact = true }).ClickAsync();
        await Expect(FieldError(page, "payload")).ToContainTextAsync("invalid JSON");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await Expect(FieldError(page, "payload")).ToContainTextAsync("invalid JSON");

        await Field(page, "payload").FillAsync("[1, 2]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispatch", Exact = true }).ClickAsync();
        await Expect(FieldError(page, "payload")).ToContainTextAsync("must be a JSON object");
        await ShotAsync(page, "dispatch-invalid-json");
        Assert.Equal(0, Volatile.Read(ref sent));
    }

    [Fact]
    public async Task ApiValidationError_IsShownBesideTheFieldItNames()
    {
        var page = await OpenAsync("operator", "dispatch");
        await Expect(page.Locator(".page-dispatch[data-ready=true]")).ToBeVisibleAsync();
        await Field(page, "tenant").FillAsync("");
        await Field(page, "action_type").FillAsync("dashboard_no_tenant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispatch", Exact = true }).ClickAsync();
        await Expect(FieldError(page, "tenant")).ToContainTextAsync("$.tenant must be a non-empty string");
        await Expect(FieldError(page, "action_type")).ToBeEmptyAsync();
        await Expect(page.Locator(".page-dispatch .action-form + .row + .error-slot")).ToContainTextAsync("400");
        await ShotAsync(page, "dispatch-api-400");

        // A tenant the caller has no grant for: the 403 is shown under the buttons.
        var scoped = await OpenAsync("acme-operator", "dispatch");
        await Expect(scoped.Locator(".page-dispatch[data-ready=true]")).ToBeVisibleAsync();
        await scoped.Locator("#dispatch-tenant").FillAsync(DashboardGateway.OtherTenant);
        var otherType = $"dashboard_other_tenant_{Guid.NewGuid():N}";
        await scoped.Locator("#dispatch-action_type").FillAsync(otherType);
        await scoped.GetByRole(AriaRole.Button, new() { Name = "Dispatch", Exact = true }).ClickAsync();
        await Expect(scoped.Locator(".page-dispatch .action-form + .row + .error-slot")).ToContainTextAsync("403");
        var audit = await Gateway.OkAsync(HttpMethod.Get, $"/v1/audit?action_type={otherType}");
        Assert.Equal(0, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Viewer_HasNoDispatchPage_AndKeyboardReachesEveryControl()
    {
        var viewer = await OpenAsync("viewer", "dispatch");
        await Expect(viewer.Locator(".page-overview")).ToBeVisibleAsync();
        await Expect(viewer.Locator(".page-dispatch")).ToHaveCountAsync(0);
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Dispatch", Exact = true })).ToHaveCountAsync(0);

        var page = await OpenAsync("operator", "dispatch");
        await Expect(page.Locator(".page-dispatch[data-ready=true]")).ToBeVisibleAsync();
        var count = await KeyboardReach.AssertEveryControlReachableAsync(page);
        Assert.True(count >= 9, $"{count} controls");
        await ShotAsync(page, "dispatch-keyboard");
    }
}
