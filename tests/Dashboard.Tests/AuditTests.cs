using Acteon.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Audit page: filters of GET /v1/audit, paging by its total, a record's detail, a tenant-scoped caller.</summary>
public sealed class AuditTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    private static ILocator Ready(IPage page) => page.Locator(".page-audit[data-ready=true]");

    private static ILocator Rows(IPage page) => page.Locator(".audit-results tbody tr");

    private async Task SeedAsync(string actionType, int count, string tenant = DashboardGateway.Tenant, string provider = "log")
    {
        var actions = Enumerable.Range(0, count).Select(i => new
        {
            @namespace = DashboardGateway.Namespace,
            tenant,
            provider,
            action_type = actionType,
            payload = new { n = i, marker = actionType },
        }).ToArray();
        var answer = await Gateway.OkAsync(HttpMethod.Post, "/v1/dispatch/batch", new { actions });
        Assert.All(answer.GetProperty("results").EnumerateArray(), r => Assert.Equal("success", r.GetProperty("status").GetString()));
    }

    private static async Task SearchAsync(IPage page, string actionType)
    {
        await page.Locator("#audit-action_type").FillAsync(actionType);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    }

    [Fact]
    public async Task Filters_AndPaging_ShowTheSeededRecordsByTotal()
    {
        var actionType = $"dashboard_audit_{Guid.NewGuid():N}";
        await SeedAsync(actionType, 27);
        await SeedAsync(actionType, 1, provider: "down");
        var page = await OpenAsync("viewer", "audit");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await SearchAsync(page, actionType);
        await Expect(page.Locator(".pager")).ToContainTextAsync("Page 1 of 2 (28 in all)");
        await Expect(Rows(page)).ToHaveCountAsync(25);
        await ShotAsync(page, "audit-list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.Locator(".pager")).ToContainTextAsync("Page 2 of 2 (28 in all)");
        await Expect(Rows(page)).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous" }).ClickAsync();
        await Expect(Rows(page)).ToHaveCountAsync(25);

        // More filters narrow it, as the API answers.
        await page.Locator("#audit-provider").FillAsync("down");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).First.Locator("td").Nth(4)).ToHaveTextAsync("down");
        await page.Locator("#audit-provider").FillAsync("");
        await page.Locator("#audit-outcome").SelectOptionAsync("executed");
        await page.Locator("#audit-verdict").FillAsync("allow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator(".pager")).ToContainTextAsync("(27 in all)");
        var api = await Gateway.OkAsync(HttpMethod.Get, $"/v1/audit?action_type={actionType}&outcome=executed&verdict=allow&limit=1");
        Assert.Equal(27, api.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ClickingARecord_ShowsItsDetail_AndBackKeepsTheFilters()
    {
        var actionType = $"dashboard_detail_{Guid.NewGuid():N}";
        var outcome = await Gateway.DispatchAsync(actionType, new { marker = actionType, to = "detail@example.com" }, provider: "log");
        var actionId = outcome.GetProperty("action_id").GetString()!;
        await SeedAsync($"{actionType}_other", 1);
        var page = await OpenAsync("viewer", "audit");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await SearchAsync(page, actionType);
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Rows(page).First.Locator("td").Nth(3).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/audit/{actionId}$"));
        var view = page.Locator(".page-audit[data-ready=true]");
        await Expect(view.Locator("dl.record")).ToContainTextAsync(actionId);
        await Expect(view.Locator("dl.record")).ToContainTextAsync("executed");
        await Expect(view).ToContainTextAsync("detail@example.com");
        await ShotAsync(page, "audit-detail");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the audit list" }).ClickAsync();
        await Expect(page.Locator("#audit-action_type")).ToHaveValueAsync(actionType);
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page.Locator("#audit-action_type")).ToHaveValueAsync("");
        await Expect(page.Locator("#audit-namespace")).ToHaveValueAsync("");
        await Expect(page.Locator(".pager")).Not.ToContainTextAsync("(1 in all)");

        var missing = await OpenAsync("viewer", "audit/no-such-action");
        await Expect(missing.Locator(".page-audit .error")).ToContainTextAsync("no audit record for action 'no-such-action'");
    }

    [Fact]
    public async Task ToBeforeFrom_ShowsTheApisErrorBesideTo()
    {
        var page = await OpenAsync("viewer", "audit");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await page.Locator("#audit-from").FillAsync("2026-06-02T10:00");
        await page.Locator("#audit-to").FillAsync("2026-06-01T10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator(".field-with-error:has(#audit-to) .error-slot")).ToContainTextAsync("must not be before 'from'");
        await ShotAsync(page, "audit-bad-range");
    }

    [Fact]
    public async Task TenantScopedOperator_SeesOnlyItsTenantsRecords()
    {
        var actionType = $"dashboard_scoped_{Guid.NewGuid():N}";
        await SeedAsync(actionType, 2);
        await SeedAsync(actionType, 3, tenant: DashboardGateway.OtherTenant);
        var page = await OpenAsync("acme-operator", "audit");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await page.Locator("#audit-tenant").FillAsync("");
        await SearchAsync(page, actionType);
        await Expect(page.Locator(".pager")).ToContainTextAsync("(2 in all)");
        await Expect(Rows(page)).ToHaveCountAsync(2);
        foreach (var row in await Rows(page).AllAsync())
        {
            await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(DashboardGateway.Tenant);
        }

        await ShotAsync(page, "audit-tenant-scoped");
        var all = await Gateway.OkAsync(HttpMethod.Get, $"/v1/audit?action_type={actionType}&limit=1");
        Assert.Equal(5, all.GetProperty("total").GetInt32());

        await page.Locator("#audit-tenant").FillAsync(DashboardGateway.OtherTenant);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator(".page-audit .error")).ToContainTextAsync("no grant covers tenant=globex");
    }

    [Fact]
    public async Task Keyboard_ReachesEveryFilterAndRecordLink()
    {
        var actionType = $"dashboard_keys_{Guid.NewGuid():N}";
        await SeedAsync(actionType, 2);
        var page = await OpenAsync("viewer", "audit");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await SearchAsync(page, actionType);
        await Expect(Rows(page)).ToHaveCountAsync(2);
        var count = await KeyboardReach.AssertEveryControlReachableAsync(page);
        Assert.True(count >= 14, $"{count} controls");
    }
}
