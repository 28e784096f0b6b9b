using System.Net;
using Acteon.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The dashboard's frame: login, the pages a role may see, logout, the keyboard.</summary>
public sealed class ShellTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    [Fact]
    public async Task Login_WrongThenRightPassword_ShowsTheErrorThenThePages()
    {
        var page = await OpenAsync(user: null);
        await page.GetByLabel("Username").FillAsync("operator");
        await page.GetByLabel("Password").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("invalid credentials");

        await page.GetByLabel("Password").FillAsync(DashboardGateway.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("operator (operator)");
        await Expect(page.Locator("#nav")).ToContainTextAsync("Dispatch");
        await ShotAsync(page, "shell-login");
    }

    [Fact]
    public async Task Nav_Viewer_SeesNoPageThatOnlyChangesThings()
    {
        var page = await OpenAsync("viewer");
        await Expect(page.Locator("#nav")).ToContainTextAsync("Audit");
        await Expect(page.Locator("#nav-dispatch")).ToHaveCountAsync(0);
        await Expect(page.Locator("#nav-cluster")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Logout_RevokesTheToken_AndShowsTheLogin()
    {
        var page = await OpenAsync("operator");
        await Expect(page.Locator("#who")).ToContainTextAsync("operator");
        var token = await page.EvaluateAsync<string>("sessionStorage.getItem('acteon.token')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeVisibleAsync();

        using var client = new HttpClient { BaseAddress = Gateway.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/auth/me");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Keyboard_Tab_ReachesEveryNavLinkAndTheScopeBar()
    {
        var page = await OpenAsync("admin");
        await Expect(page.Locator("#nav-cluster")).ToBeVisibleAsync();
        var reached = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement.id || document.activeElement.name || document.activeElement.textContent"));
        }

        foreach (var id in new[] { "namespace", "tenant", "nav-overview", "nav-dispatch", "nav-rules", "nav-audit", "nav-events", "nav-groups", "nav-approvals", "nav-chains", "nav-recurring", "nav-breakers", "nav-cluster" })
        {
            Assert.Contains(id, reached);
        }
    }
}
