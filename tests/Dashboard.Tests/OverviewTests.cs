using System.Diagnostics;
using System.Globalization;
using Acteon.Dashboard.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Overview: counters, the chart by outcome, provider health with breaker states, the live feed.</summary>
public sealed class OverviewTests(DashboardGateway gateway, Chromium chromium, ITestOutputHelper output) : DashboardTest(gateway, chromium)
{
    private static ILocator Ready(IPage page) => page.Locator(".page-overview[data-ready=true]");

    [Fact]
    public async Task Overview_ShowsCountersTheChartByOutcomeAndProviderHealthWithBreakerStates()
    {
        var marker = Guid.NewGuid().ToString("N");
        await Gateway.DispatchAsync($"dashboard_overview_{marker}", new { marker }, provider: "log");
        await Gateway.DispatchAsync("spam", new { marker });
        var metrics = await Gateway.OkAsync(HttpMethod.Get, "/metrics");
        await Gateway.OkAsync(HttpMethod.Post, "/admin/circuit-breakers/down/trip");
        try
        {
            var page = await OpenAsync("admin");
            await Expect(Ready(page)).ToBeVisibleAsync();
            var executed = int.Parse(await page.Locator("[data-counter=executed] .counter-value").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
            Assert.True(executed >= metrics.GetProperty("executed").GetInt64(), $"executed counter {executed}");
            await Expect(page.Locator("[data-counter=suppressed]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-counter=dispatched]")).ToBeVisibleAsync();

            await Expect(page.Locator(".chart .legend-item[data-outcome=executed]")).ToBeVisibleAsync();
            await Expect(page.Locator(".chart .legend-item[data-outcome=suppressed]")).ToBeVisibleAsync();
            await Expect(page.Locator(".chart svg rect[data-outcome=suppressed]").First).ToBeVisibleAsync();
            var label = await page.Locator(".chart svg").GetAttributeAsync("aria-label") ?? "";
            Assert.Contains("suppressed", label, StringComparison.Ordinal);

            await Expect(page.Locator("tr[data-provider=down]")).ToContainTextAsync("open");
            await Expect(page.Locator("tr[data-provider=hook]")).ToContainTextAsync("closed");
            await Expect(page.Locator("tr[data-provider=log]")).ToContainTextAsync("log");
            await Expect(page.Locator("#feed-state")).ToHaveTextAsync("live");
            await Expect(KeyboardReach.PageButtons(page)).ToHaveCountAsync(0);
            await ShotAsync(page, "overview");
        }
        finally
        {
            await Gateway.OkAsync(HttpMethod.Post, "/admin/circuit-breakers/down/reset");
        }
    }

    [Fact]
    public async Task LiveFeed_ShowsADispatchMadeThroughTheApi_AndTheChartCountsIt()
    {
        var page = await OpenAsync("viewer");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await Expect(page.Locator("#feed-state")).ToHaveTextAsync("live");
        var before = await LegendCountAsync(page, "executed");
        var actionType = $"dashboard_feed_{Guid.NewGuid():N}";

        var watch = Stopwatch.StartNew();
        var outcome = await Gateway.DispatchAsync(actionType, new { n = 1 }, provider: "log");
        var row = page.Locator($"#feed li[data-action-id='{outcome.GetProperty("action_id").GetString()}']");
        // Generous limit so a loaded machine does not flake; the issue's 2 s target is reported, not asserted.
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var delay = watch.Elapsed;
        await Expect(row).ToContainTextAsync(actionType);
        await Expect(row).ToContainTextAsync("executed");
        await Expect(row).ToContainTextAsync($"{DashboardGateway.Namespace}/{DashboardGateway.Tenant}");
        await Expect(page.Locator("#feed li").First).ToHaveAttributeAsync("data-action-id", outcome.GetProperty("action_id").GetString()!);
        await Wait.UntilAsync(async () => await LegendCountAsync(page, "executed") >= before + 1, "the chart to count the live dispatch", TimeSpan.FromSeconds(10));

        var report = string.Create(CultureInfo.InvariantCulture, $"live feed: dispatch through the API → row in the feed {delay.TotalMilliseconds:F0} ms (issue target 2000 ms; measured from before the POST)");
        output.WriteLine(report);
        Directory.CreateDirectory(Screenshots);
        await File.WriteAllTextAsync(Path.Combine(Screenshots, "live-feed.txt"), report + "\n");
        await ShotAsync(page, "overview-live-feed");
    }

    [Fact]
    public async Task TenantScopedOperator_SeesNoCounters_AndOnlyItsTenantInTheFeed()
    {
        var page = await OpenAsync("acme-operator");
        await Expect(Ready(page)).ToBeVisibleAsync();
        await Expect(page.Locator("#feed-state")).ToHaveTextAsync("live");
        await Expect(page.Locator(".counters")).ToHaveCountAsync(0);
        await Expect(page.Locator(".page-overview .error")).ToHaveCountAsync(0);
        await Expect(page.Locator("tr[data-provider=hook]")).ToBeVisibleAsync();

        var marker = Guid.NewGuid().ToString("N");
        var other = await Gateway.DispatchAsync($"dashboard_globex_{marker}", new { marker }, provider: "log", tenant: DashboardGateway.OtherTenant);
        var mine = await Gateway.DispatchAsync($"dashboard_acme_{marker}", new { marker }, provider: "log");
        await Expect(page.Locator($"#feed li[data-action-id='{mine.GetProperty("action_id").GetString()}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#feed li[data-action-id='{other.GetProperty("action_id").GetString()}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#feed")).Not.ToContainTextAsync(DashboardGateway.OtherTenant);
        await ShotAsync(page, "overview-tenant-scoped");
    }

    private static async Task<int> LegendCountAsync(IPage page, string outcome)
    {
        var item = page.Locator($".chart .legend-item[data-outcome={outcome}]");
        if (await item.CountAsync() == 0)
        {
            return 0;
        }

        var text = await item.TextContentAsync() ?? "";
        return int.Parse(text[(text.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
