using Acteon.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Events page: fingerprints of the incident state machine, history, and allowed transitions as buttons.</summary>
public sealed class EventsTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    [Fact]
    public async Task Events_SeededIncidents_ListedFilteredByState_AndATransitionButtonMovesOne()
    {
        var open = await IncidentAsync();
        var acked = await IncidentAsync();
        await TransitionAsync(acked, "acknowledged");
        var page = await OpenAsync("operator", "events");

        await Expect(page.Locator(".page-events table")).ToContainTextAsync(open);
        await Expect(page.Locator(".page-events table")).ToContainTextAsync(acked);
        await page.GetByLabel("State").FillAsync("acknowledged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator(".page-events table")).Not.ToContainTextAsync(open);
        await Expect(page.Locator(".page-events table")).ToContainTextAsync(acked);

        await page.GetByLabel("State").FillAsync("open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = open }).ClickAsync();
        await Expect(page.Locator("[data-action=transition-acknowledged]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-action=transition-resolved]")).ToBeVisibleAsync();
        await page.Locator("[data-action=transition-acknowledged]").ClickAsync();

        await Expect(page.Locator(".facts")).ToContainTextAsync("acknowledged");
        await Expect(page.Locator(".page-events table")).ToContainTextAsync("api");
        await Expect(page.Locator("[data-action=transition-acknowledged]")).ToHaveCountAsync(0);
        var detail = await Gateway.OkAsync(HttpMethod.Get, $"/v1/events/{open}?namespace=ops&tenant=acme");
        Assert.Equal("acknowledged", detail.GetProperty("state").GetString());
        Assert.Equal("open→acknowledged", string.Join(",", detail.GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("from").GetString()}→{h.GetProperty("to").GetString()}")));
        await ShotAsync(page, "events-detail");
    }

    [Fact]
    public async Task Events_TransitionNoLongerAllowed_The409IsShownNextToItsButton()
    {
        var fingerprint = await IncidentAsync();
        var page = await OpenAsync("operator", $"events/{fingerprint}");
        await Expect(page.Locator("[data-action=transition-acknowledged]")).ToBeVisibleAsync();
        await TransitionAsync(fingerprint, "resolved");

        await page.Locator("[data-action=transition-acknowledged]").ClickAsync();

        var error = page.Locator(".action", new() { Has = page.Locator("[data-action=transition-acknowledged]") }).GetByRole(AriaRole.Alert);
        await Expect(error).ToContainTextAsync("409");
        await Expect(error).ToContainTextAsync("allowed targets: open");
        var detail = await Gateway.OkAsync(HttpMethod.Get, $"/v1/events/{fingerprint}?namespace=ops&tenant=acme");
        Assert.Equal("resolved", detail.GetProperty("state").GetString());
        await ShotAsync(page, "events-conflict");
    }

    [Fact]
    public async Task Events_Viewer_SeesStateAndHistoryButNoTransitionButton()
    {
        var fingerprint = await IncidentAsync();
        await TransitionAsync(fingerprint, "acknowledged");
        var page = await OpenAsync("viewer", $"events/{fingerprint}");

        await Expect(page.Locator(".facts")).ToContainTextAsync("Allowed nextresolved");
        await Expect(page.Locator(".page-events table")).ToContainTextAsync("openacknowledged");
        Assert.Equal("true", await page.Locator(".page-events").GetAttributeAsync("data-ready"));
        await Expect(page.Locator(".page-events button")).ToHaveCountAsync(0);
        await ShotAsync(page, "events-viewer");
    }

    [Fact]
    public async Task Events_Keyboard_TabReachesEveryControlOfTheListAndTheDetail()
    {
        var fingerprint = await IncidentAsync();
        var page = await OpenAsync("operator", "events");
        await Expect(page.Locator(".page-events table")).ToContainTextAsync(fingerprint);
        await KeyboardReach.AssertEveryControlReachableAsync(page);

        await page.GotoAsync(new Uri(Gateway.BaseUrl, $"/ui/#/events/{fingerprint}").ToString());
        await Expect(page.Locator("[data-action=transition-resolved]")).ToBeVisibleAsync();
        await KeyboardReach.AssertEveryControlReachableAsync(page);
        await ShotAsync(page, "events-keyboard");
    }

    [Theory]
    [InlineData("events")]
    [InlineData("groups")]
    [InlineData("approvals")]
    [InlineData("chains")]
    [InlineData("recurring")]
    public async Task ScopedPages_EmptyScopeBar_SayToSetTheScopeInsteadOfTheApisError(string pageId)
    {
        var page = await OpenAsync("operator", pageId, ns: "", tenant: "");

        await Expect(page.Locator($".page-{pageId}[data-ready=true]")).ToContainTextAsync("Set a namespace and a tenant in the scope bar");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await ShotAsync(page, $"{pageId}-no-scope");
    }

    /// <summary>A new incident (state open) of ops/acme; its fingerprint.</summary>
    private async Task<string> IncidentAsync()
    {
        var outcome = await Gateway.DispatchAsync("incident", new { incident = Guid.NewGuid().ToString("N") });
        Assert.Equal("state_changed", outcome.GetProperty("outcome").GetString());
        return outcome.GetProperty("fingerprint").GetString()!;
    }

    private Task<System.Text.Json.JsonElement> TransitionAsync(string fingerprint, string to) =>
        Gateway.OkAsync(HttpMethod.Put, $"/v1/events/{fingerprint}/transition", new { to_state = to, @namespace = DashboardGateway.Namespace, tenant = DashboardGateway.Tenant });
}
