using Acteon.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Chains page: the triage chain (its second step waits an hour), its steps, and Cancel.</summary>
public sealed class ChainsTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    [Fact]
    public async Task Chains_TriageChain_ListedByStatusWithItsSteps_CancelStopsIt()
    {
        var id = await TriageAsync();
        var page = await OpenAsync("operator", "chains");

        await page.GetByLabel("Status").SelectOptionAsync("running");
        var row = page.Locator(".page-chains tr", new() { HasText = id });
        await Expect(row).ToContainTextAsync("triage");
        await Expect(row).ToContainTextAsync("running");
        await page.GetByLabel("Status").SelectOptionAsync("cancelled");
        await Expect(page.Locator(".page-chains .results")).Not.ToContainTextAsync(id);
        await page.GetByLabel("Status").SelectOptionAsync("running");
        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();

        await Expect(page.Locator(".page-chains tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".page-chains tbody")).ToContainTextAsync("record");
        await Expect(page.Locator(".page-chains tbody")).ToContainTextAsync("page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel chain" }).ClickAsync();

        await Expect(page.Locator(".facts")).ToContainTextAsync("cancelled");
        await Expect(page.Locator(".facts")).ToContainTextAsync("cancelled from the dashboard");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel chain" })).ToHaveCountAsync(0);
        var chain = await Gateway.OkAsync(HttpMethod.Get, $"/v1/chains/{id}?namespace=ops&tenant=acme");
        Assert.Equal("cancelled", chain.GetProperty("status").GetString());
        await ShotAsync(page, "chains-cancelled");
    }

    [Fact]
    public async Task Chains_CancelledElsewhereFirst_The409IsShownNextToCancel()
    {
        var id = await TriageAsync();
        var page = await OpenAsync("operator", $"chains/{id}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel chain" })).ToBeVisibleAsync();
        await Gateway.OkAsync(HttpMethod.Post, $"/v1/chains/{id}/cancel", new { @namespace = "ops", tenant = "acme" });

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel chain" }).ClickAsync();

        var error = page.Locator(".action", new() { Has = page.Locator("[data-action=cancel]") }).GetByRole(AriaRole.Alert);
        await Expect(error).ToContainTextAsync("409");
        await Expect(error).ToContainTextAsync("is not running");
        await ShotAsync(page, "chains-conflict");
    }

    [Fact]
    public async Task Chains_Viewer_SeesTheStepsButNoCancelButton()
    {
        var id = await TriageAsync();
        var page = await OpenAsync("viewer", $"chains/{id}");

        await Expect(page.Locator(".page-chains tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".facts")).ToContainTextAsync("running");
        await Expect(page.Locator(".page-chains button")).ToHaveCountAsync(0);
        await ShotAsync(page, "chains-viewer");
    }

    [Fact]
    public async Task Chains_Keyboard_TabReachesEveryControl()
    {
        var id = await TriageAsync();
        var page = await OpenAsync("operator", "chains");
        await Expect(page.Locator(".page-chains table")).ToContainTextAsync(id);
        await KeyboardReach.AssertEveryControlReachableAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel chain" })).ToBeVisibleAsync();
        await KeyboardReach.AssertEveryControlReachableAsync(page);
        await ShotAsync(page, "chains-keyboard");
    }

    private async Task<string> TriageAsync()
    {
        var outcome = await Gateway.DispatchAsync("triage", new { incident = Guid.NewGuid().ToString("N") });
        Assert.Equal("chain_started", outcome.GetProperty("outcome").GetString());
        return outcome.GetProperty("chain_id").GetString()!;
    }
}
