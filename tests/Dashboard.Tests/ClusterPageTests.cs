using Acteon.Dashboard.Tests.Support;
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

        // The link leads somewhere real: the Orleans Dashboard answers an admin.
        var response = await page.APIRequest.GetAsync(new Uri(Gateway.BaseUrl, "/orleans/").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {await Gateway.TokenAsync("admin")}" },
        });
        Assert.True(response.Ok, $"/orleans/ answered {response.Status}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(row).ToContainTextAsync("active");
        await KeyboardReach.AssertEveryControlReachableAsync(page);
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
