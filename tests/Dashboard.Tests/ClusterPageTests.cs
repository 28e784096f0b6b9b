using Acteon.Dashboard.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Cluster page: silos and activations of GET /admin/cluster; the Orleans Dashboard link for admins only.</summary>
public sealed class ClusterPageTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    [Fact]
    public async Task Admin_SeesTheSilosActivationsAndTheOrleansDashboardLink()
    {
        var cluster = await Gateway.OkAsync(HttpMethod.Get, "/admin/cluster");
        var silo = cluster.GetProperty("nodes").EnumerateArray().First(n => n.GetProperty("status").GetString() == "active");
        var page = await OpenAsync("admin", "cluster");
        await Expect(page.Locator(".page-cluster[data-ready=true]")).ToBeVisibleAsync();
        var row = page.Locator($"tr[data-silo='{silo.GetProperty("id").GetString()}']");
        await Expect(row).ToContainTextAsync("active");
        await Expect(row).ToContainTextAsync(silo.GetProperty("address").GetString()!);
        await Expect(page.Locator(".page-cluster")).ToContainTextAsync(cluster.GetProperty("node_id").GetString()!);
        foreach (var type in cluster.GetProperty("activations").EnumerateObject().Take(3))
        {
            await Expect(page.Locator($"tr[data-grain-type='{type.Name}']")).ToBeVisibleAsync();
        }

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Open the Orleans Dashboard" });
        await Expect(link).ToHaveAttributeAsync("href", "/orleans/");
        await ShotAsync(page, "cluster-admin");

        // Following the link opens the Orleans Dashboard itself (the browser sends the token as the /orleans cookie).
        var statuses = new System.Collections.Concurrent.ConcurrentQueue<int>();
        page.Context.Response += (_, r) =>
        {
            if (new Uri(r.Url).AbsolutePath == "/orleans/")
            {
                statuses.Enqueue(r.Status);
            }
        };
        var orleans = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await orleans.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Wait.UntilAsync(() => Task.FromResult(!statuses.IsEmpty), "the answer of /orleans/", TimeSpan.FromSeconds(10));
        Assert.Equal([200], statuses);
        Assert.Contains("Orleans", await orleans.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "acteon_orleans");
        Assert.Equal("/orleans", cookie.Path);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.True(cookie.Expires > 0, "the cookie must expire with the token");
        await ShotAsync(orleans, "cluster-orleans-dashboard");
        await orleans.CloseAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(row).ToContainTextAsync("active");
        await KeyboardReach.AssertEveryControlReachableAsync(page);
    }

    [Fact]
    public async Task OrleansCookie_AuthenticatesUnderOrleansOnly_AndOnlyAnAdmin()
    {
        async Task<int> GetAsync(string path, string user)
        {
            using var client = new HttpClient { BaseAddress = Gateway.BaseUrl };
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", $"acteon_orleans={await Gateway.TokenAsync(user)}");
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }

        Assert.Equal(200, await GetAsync("/orleans/", "admin"));
        Assert.Equal(403, await GetAsync("/orleans/", "operator"));
        Assert.Equal(401, await GetAsync("/v1/auth/me", "admin"));
        Assert.Equal(401, await GetAsync("/admin/cluster", "admin"));
    }

    [Fact]
    public async Task Operator_SeesTheSilos_ButNoOrleansDashboardLink_AndAViewerHasNoClusterPage()
    {
        var page = await OpenAsync("operator", "cluster");
        await Expect(page.Locator(".page-cluster[data-ready=true]")).ToBeVisibleAsync();
        await Expect(page.Locator(".page-cluster tbody tr").First).ToContainTextAsync("active");
        await Expect(page.Locator("a[href='/orleans/']")).ToHaveCountAsync(0);
        await ShotAsync(page, "cluster-operator");

        var viewer = await OpenAsync("viewer", "cluster");
        await Expect(viewer.Locator(".page-overview")).ToBeVisibleAsync();
        await Expect(viewer.Locator(".page-cluster")).ToHaveCountAsync(0);
    }
}
