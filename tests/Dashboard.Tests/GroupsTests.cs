using System.Net;
using Acteon.Dashboard.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Groups page: metric alerts grouped by service (wait 3600 s), a group's events, and "Flush now".</summary>
public sealed class GroupsTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    [Fact]
    public async Task Groups_SeededAlerts_GroupAndItsEventsShown_FlushNowSendsTheNotification()
    {
        var (service, key) = await GroupAsync(2);
        var page = await OpenAsync("operator", "groups");

        var row = page.Locator(".page-groups tr", new() { HasText = key });
        await Expect(row).ToContainTextAsync("pending");
        await Expect(row).ToContainTextAsync($"service={service}");
        await row.GetByRole(AriaRole.Link, new() { Name = key }).ClickAsync();
        await Expect(page.Locator(".page-groups .events li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".page-groups .events")).ToContainTextAsync(service);
        await page.GetByRole(AriaRole.Button, new() { Name = "Flush now" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Flushed: the notification for 2 events");
        await Wait.UntilAsync(() => Task.FromResult(Gateway.Webhook.Calls.Any(c => c.Body.Contains("group_notification", StringComparison.Ordinal) && c.Body.Contains(service, StringComparison.Ordinal))),
            "the group's notification at the webhook", TimeSpan.FromSeconds(30));
        var (status, _) = await Gateway.SendAsync(HttpMethod.Get, $"/v1/groups/{Uri.EscapeDataString(key)}?namespace=ops&tenant=acme");
        Assert.Equal(HttpStatusCode.NotFound, status);
        await ShotAsync(page, "groups-flushed");
    }

    [Fact]
    public async Task Groups_FlushedElsewhereFirst_The404IsShownNextToFlushNow()
    {
        var (_, key) = await GroupAsync(1);
        var page = await OpenAsync("operator", $"groups/{Uri.EscapeDataString(key)}");
        await Expect(page.Locator(".page-groups .events li")).ToHaveCountAsync(1);
        await Gateway.OkAsync(HttpMethod.Delete, $"/v1/groups/{Uri.EscapeDataString(key)}?namespace=ops&tenant=acme");

        await page.GetByRole(AriaRole.Button, new() { Name = "Flush now" }).ClickAsync();

        var error = page.Locator(".action", new() { Has = page.Locator("[data-action=flush]") }).GetByRole(AriaRole.Alert);
        await Expect(error).ToContainTextAsync("404");
        await Expect(error).ToContainTextAsync("group not found");
        await ShotAsync(page, "groups-error");
    }

    [Fact]
    public async Task Groups_Viewer_SeesTheGroupButNoFlushButton()
    {
        var (service, key) = await GroupAsync(1);
        var page = await OpenAsync("viewer", $"groups/{Uri.EscapeDataString(key)}");

        await Expect(page.Locator(".page-groups .events")).ToContainTextAsync(service);
        await Expect(page.Locator(".page-groups button")).ToHaveCountAsync(0);
        await ShotAsync(page, "groups-viewer");
    }

    [Fact]
    public async Task Groups_Keyboard_TabReachesEveryControl()
    {
        var (_, key) = await GroupAsync(1);
        var page = await OpenAsync("operator", "groups");
        await Expect(page.Locator(".page-groups table")).ToContainTextAsync(key);
        await KeyboardReach.AssertEveryControlReachableAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = key }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Flush now" })).ToBeVisibleAsync();
        await KeyboardReach.AssertEveryControlReachableAsync(page);
        await ShotAsync(page, "groups-keyboard");
    }

    /// <summary><paramref name="events"/> metric alerts of a new service (one group of ops/acme); the service and the group's key.</summary>
    private async Task<(string Service, string Key)> GroupAsync(int events)
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..12];
        string? key = null;
        for (var i = 0; i < events; i++)
        {
            var outcome = await Gateway.DispatchAsync("metric_alert", new { service, value = i });
            Assert.Equal("grouped", outcome.GetProperty("outcome").GetString());
            key = outcome.GetProperty("group_key").GetString();
        }

        return (service, key!);
    }
}
