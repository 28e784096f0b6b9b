using Acteon.Dashboard.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Circuit breakers page: every provider's breaker, refreshed while open; Trip and Reset.</summary>
public sealed class BreakersTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    [Fact]
    public async Task Breakers_DispatchesToDownUntilItsBreakerOpens_ThePageShowsItOpen_ResetClosesIt()
    {
        await Gateway.OkAsync(HttpMethod.Post, "/admin/circuit-breakers/down/reset");
        var page = await OpenAsync("operator", "breakers");
        var row = page.Locator("tr[data-provider=down]");
        await Expect(row).ToContainTextAsync("closed");
        await Expect(row).ToContainTextAsync("3");

        await Wait.UntilAsync(async () =>
        {
            var outcome = await Gateway.DispatchAsync("probe", new { n = Guid.NewGuid().ToString("N") }, provider: "down");
            return outcome.GetProperty("outcome").GetString() == "circuit_open" || await StateAsync("down") == "open";
        }, "the breaker of provider down to open", TimeSpan.FromSeconds(60));

        await Expect(row.Locator(".state")).ToHaveTextAsync("open");
        await ShotAsync(page, "breakers-open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset down" }).ClickAsync();
        await Expect(row.Locator(".state")).ToHaveTextAsync("closed");
        Assert.Equal("closed", await StateAsync("down"));
    }

    [Fact]
    public async Task Breakers_TripThenReset_ChangeTheBreakerOfTheProvider()
    {
        await Gateway.OkAsync(HttpMethod.Post, "/admin/circuit-breakers/log/reset");
        var page = await OpenAsync("operator", "breakers");
        var row = page.Locator("tr[data-provider=log]");
        await Expect(row.Locator(".state")).ToHaveTextAsync("closed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Trip log" }).ClickAsync();
        await Expect(row.Locator(".state")).ToHaveTextAsync("open");
        Assert.Equal("open", await StateAsync("log"));
        await ShotAsync(page, "breakers-tripped");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset log" }).ClickAsync();
        await Expect(row.Locator(".state")).ToHaveTextAsync("closed");
        Assert.Equal("closed", await StateAsync("log"));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("acme-operator")]
    public async Task Breakers_ViewerOrTenantScopedOperator_SeesTheBreakersButNoButton(string user)
    {
        var page = await OpenAsync(user, "breakers");

        await Expect(page.Locator("tr[data-provider=hook]")).ToContainTextAsync("600 s");
        await Expect(page.Locator("tr[data-provider=down]")).ToBeVisibleAsync();
        await Expect(page.Locator(".page-breakers button")).ToHaveCountAsync(0);
        await ShotAsync(page, $"breakers-{user}");
    }

    [Fact]
    public async Task Breakers_Keyboard_TabReachesEveryControl()
    {
        var page = await OpenAsync("operator", "breakers");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Trip hook" })).ToBeVisibleAsync();

        await KeyboardReach.AssertEveryControlReachableAsync(page);
        await ShotAsync(page, "breakers-keyboard");
    }

    private async Task<string?> StateAsync(string provider)
    {
        var list = await Gateway.OkAsync(HttpMethod.Get, "/admin/circuit-breakers");
        return list.GetProperty("circuit_breakers").EnumerateArray().Single(b => b.GetProperty("provider").GetString() == provider).GetProperty("state").GetString();
    }
}
