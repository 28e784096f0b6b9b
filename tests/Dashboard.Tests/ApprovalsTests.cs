using Acteon.Dashboard.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Approvals page: refunds held by request_approval, pending first, approved or rejected from the page.</summary>
public sealed class ApprovalsTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    [Fact]
    public async Task Approvals_Approve_RunsTheRefundOnce_AndListsItAsDecidedByTheUser()
    {
        var (id, order) = await RefundAsync();
        var page = await OpenAsync("operator", "approvals");

        var pending = page.Locator(".page-approvals section").First;
        await Expect(pending).ToContainTextAsync(id);
        await Expect(pending).ToContainTextAsync("Refunds need a manager");
        await page.Locator($"[data-action='approve-{id}']").ClickAsync();

        await Expect(pending).Not.ToContainTextAsync(id);
        await Expect(page.Locator(".page-approvals section").Nth(1).Locator("tr", new() { HasText = id })).ToContainTextAsync("by operator");
        var listed = await ApprovalAsync(id);
        Assert.Equal(("approved", "operator"), (listed.GetProperty("status").GetString(), listed.GetProperty("decided_by").GetString()));
        await Wait.UntilAsync(() => Task.FromResult(Gateway.Webhook.Calls.Any(c => c.Body.Contains(order, StringComparison.Ordinal))),
            "the approved refund at the webhook", TimeSpan.FromSeconds(30));
        Assert.Single(Gateway.Webhook.Calls, c => c.Body.Contains(order, StringComparison.Ordinal));
        await ShotAsync(page, "approvals-approved");
    }

    [Fact]
    public async Task Approvals_Reject_NothingRuns_AndAnApprovalDecidedElsewhereShowsThe409NextToItsButton()
    {
        var (rejectMe, rejectOrder) = await RefundAsync();
        var (decided, _) = await RefundAsync();
        var page = await OpenAsync("operator", "approvals");
        await Expect(page.Locator($"[data-action='reject-{rejectMe}']")).ToBeVisibleAsync();

        await page.Locator($"[data-action='reject-{rejectMe}']").ClickAsync();
        await Expect(page.Locator($"[data-action='reject-{rejectMe}']")).ToHaveCountAsync(0);
        Assert.Equal("rejected", (await ApprovalAsync(rejectMe)).GetProperty("status").GetString());
        Assert.DoesNotContain(Gateway.Webhook.Calls, c => c.Body.Contains(rejectOrder, StringComparison.Ordinal));

        await Gateway.OkAsync(HttpMethod.Post, $"/v1/approvals/ops/acme/{decided}/decision", new { decision = "reject" });
        await page.Locator($"[data-action='approve-{decided}']").ClickAsync();
        var error = page.Locator(".action", new() { Has = page.Locator($"[data-action='approve-{decided}']") }).GetByRole(AriaRole.Alert);
        await Expect(error).ToContainTextAsync("409");
        await Expect(error).ToContainTextAsync("already rejected");
        await ShotAsync(page, "approvals-conflict");
    }

    [Fact]
    public async Task Approvals_Viewer_SeesThePendingOneButNoDecisionButton()
    {
        var (id, _) = await RefundAsync();
        var page = await OpenAsync("viewer", "approvals");

        await Expect(page.Locator(".page-approvals section").First).ToContainTextAsync(id);
        await Expect(page.Locator(".page-approvals button")).ToHaveCountAsync(0);
        await ShotAsync(page, "approvals-viewer");
    }

    [Fact]
    public async Task Approvals_TenantScopedOperator_SeesItsTenant_AndAnotherTenantIsRefusedInThePage()
    {
        var (mine, _) = await RefundAsync();
        var (theirs, _) = await RefundAsync(DashboardGateway.OtherTenant);
        var page = await OpenAsync("acme-operator", "approvals");
        await Expect(page.Locator(".page-approvals section").First).ToContainTextAsync(mine);

        var other = await OpenAsync("acme-operator", "approvals", tenant: DashboardGateway.OtherTenant);
        await Expect(other.GetByRole(AriaRole.Alert).First).ToContainTextAsync("403");
        await Expect(other.Locator(".page-approvals")).Not.ToContainTextAsync(theirs);
        await ShotAsync(other, "approvals-other-tenant");
    }

    [Fact]
    public async Task Approvals_Keyboard_TabReachesEveryControl()
    {
        var (id, _) = await RefundAsync();
        var page = await OpenAsync("operator", "approvals");
        await Expect(page.Locator($"[data-action='approve-{id}']")).ToBeVisibleAsync();

        await KeyboardReach.AssertEveryControlReachableAsync(page);
        await ShotAsync(page, "approvals-keyboard");
    }

    /// <summary>A refund held for approval; its approval id and the order id in its payload.</summary>
    private async Task<(string Id, string Order)> RefundAsync(string tenant = DashboardGateway.Tenant)
    {
        var order = "order-" + Guid.NewGuid().ToString("N");
        var outcome = await Gateway.DispatchAsync("refund", new { order, amount = 12 }, tenant: tenant);
        Assert.Equal("pending_approval", outcome.GetProperty("outcome").GetString());
        return (outcome.GetProperty("approval_id").GetString()!, order);
    }

    private async Task<System.Text.Json.JsonElement> ApprovalAsync(string id)
    {
        var list = await Gateway.OkAsync(HttpMethod.Get, "/v1/approvals?namespace=ops&tenant=acme&limit=1000");
        return list.GetProperty("approvals").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
    }
}
