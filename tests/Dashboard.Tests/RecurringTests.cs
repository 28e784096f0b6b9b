using System.Net;
using System.Text.Json;
using Acteon.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>The Recurring page: create, edit, pause/resume, delete; the next occurrence in the action's time zone.</summary>
public sealed class RecurringTests(DashboardGateway gateway, Chromium chromium) : DashboardTest(gateway, chromium)
{
    [Fact]
    public async Task Recurring_CreateFromTheForm_DetailShowsTheNextOccurrenceInItsOwnZone()
    {
        var name = "digest-" + Guid.NewGuid().ToString("N")[..10];
        var page = await OpenAsync("operator", "recurring");

        await page.GetByLabel("Cron expression").FillAsync("0 9 * * *");
        await page.GetByLabel("Time zone").FillAsync("Asia/Tokyo");
        await page.GetByLabel("Provider").FillAsync("log");
        await page.GetByLabel("Action type").FillAsync("send_digest");
        await page.GetByLabel("Payload (JSON object)").FillAsync($$"""{"to": "{{name}}@example.com"}""");
        await page.GetByLabel("Description").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.Locator(".page-recurring h2").First).ToHaveTextAsync(name);
        await Expect(page.Locator(".next-own")).ToContainTextAsync("9:00:00 AM GMT+9");
        await Expect(page.Locator(".next-browser")).Not.ToBeEmptyAsync();
        var created = await FindAsync(name);
        Assert.Equal(("0 9 * * *", "Asia/Tokyo", true), (created.GetProperty("cron_expr").GetString(), created.GetProperty("timezone").GetString(), created.GetProperty("enabled").GetBoolean()));
        Assert.EndsWith("T00:00:00Z", created.GetProperty("next_execution").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{name}@example.com", created.GetProperty("payload").GetProperty("to").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "← All recurring actions" }).ClickAsync();
        await Expect(page.Locator(".page-recurring tr", new() { HasText = name })).ToContainTextAsync("active");
        await ShotAsync(page, "recurring-list");
    }

    [Fact]
    public async Task Recurring_EditPauseResumeDelete_EachChangesTheAction()
    {
        var (id, name) = await CreateAsync();
        var page = await OpenAsync("operator", $"recurring/{id}");
        await Expect(page.Locator(".page-recurring h2").First).ToHaveTextAsync(name);

        await page.GetByLabel("Cron expression").FillAsync("30 10 * * MON-FRI");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".facts")).ToContainTextAsync("30 10 * * MON-FRI");
        var edited = await GetAsync(id);
        Assert.Equal(("30 10 * * MON-FRI", "Europe/Paris", name), (edited.GetProperty("cron_expr").GetString(), edited.GetProperty("timezone").GetString(), edited.GetProperty("description").GetString()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();
        Assert.False((await GetAsync(id)).GetProperty("enabled").GetBoolean());
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();
        Assert.True((await GetAsync(id)).GetProperty("enabled").GetBoolean());
        await ShotAsync(page, "recurring-detail");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/recurring$"));
        var (status, _) = await Gateway.SendAsync(HttpMethod.Get, $"/v1/recurring/{id}?namespace=ops&tenant=acme");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Recurring_BadCronAndBadZone_TheApisErrorsAreShownUnderTheFieldsTheyName()
    {
        var name = "bad-" + Guid.NewGuid().ToString("N")[..10];
        var page = await OpenAsync("operator", "recurring");
        await page.GetByLabel("Cron expression").FillAsync("every morning");
        await page.GetByLabel("Provider").FillAsync("log");
        await page.GetByLabel("Action type").FillAsync("send_digest");
        await page.GetByLabel("Description").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.Locator("#error-cron_expr")).Not.ToBeEmptyAsync();
        await Expect(page.Locator(".recurring-form").GetByRole(AriaRole.Alert)).ToContainTextAsync("400");
        await Expect(page.Locator("#error-timezone")).ToBeEmptyAsync();

        await page.GetByLabel("Cron expression").FillAsync("0 9 * * *");
        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.Locator("#error-timezone")).ToContainTextAsync("is not an IANA time zone");
        await Expect(page.Locator("#error-cron_expr")).ToBeEmptyAsync();
        await ShotAsync(page, "recurring-errors");

        var list = await Gateway.OkAsync(HttpMethod.Get, "/v1/recurring?namespace=ops&tenant=acme");
        Assert.DoesNotContain(list.GetProperty("recurring_actions").EnumerateArray(), r => r.GetProperty("description").GetString() == name);
    }

    [Fact]
    public async Task Recurring_Viewer_SeesTheActionButNoFormOrButton()
    {
        var (id, name) = await CreateAsync();
        var page = await OpenAsync("viewer", "recurring");
        await Expect(page.Locator(".page-recurring tr", new() { HasText = name })).ToBeVisibleAsync();
        await Expect(page.Locator(".page-recurring form")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await Expect(page.Locator(".next-own")).ToContainTextAsync("GMT+1");
        await Expect(page.Locator(".page-recurring button")).ToHaveCountAsync(0);
        await Expect(page.Locator(".page-recurring .json")).ToContainTextAsync(name);
        await ShotAsync(page, "recurring-viewer");
    }

    [Fact]
    public async Task Recurring_Keyboard_TabReachesEveryControl()
    {
        var (id, _) = await CreateAsync();
        var page = await OpenAsync("operator", "recurring");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = id })).ToBeVisibleAsync();
        await KeyboardReach.AssertEveryControlReachableAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeVisibleAsync();
        await KeyboardReach.AssertEveryControlReachableAsync(page);
        await ShotAsync(page, "recurring-keyboard");
    }

    /// <summary>A recurring action of ops/acme at 08:00 Europe/Paris on the first of January (paused never).</summary>
    private async Task<(string Id, string Name)> CreateAsync()
    {
        var name = "report-" + Guid.NewGuid().ToString("N")[..10];
        var created = await Gateway.OkAsync(HttpMethod.Post, "/v1/recurring", new
        {
            @namespace = "ops", tenant = "acme", cron_expr = "0 8 1 1 *", timezone = "Europe/Paris",
            provider = "log", action_type = "send_report", payload = new { report = name }, description = name,
        });
        return (created.GetProperty("recurring_id").GetString()!, name);
    }

    private Task<JsonElement> GetAsync(string id) => Gateway.OkAsync(HttpMethod.Get, $"/v1/recurring/{id}?namespace=ops&tenant=acme");

    private async Task<JsonElement> FindAsync(string description)
    {
        var list = await Gateway.OkAsync(HttpMethod.Get, "/v1/recurring?namespace=ops&tenant=acme");
        return list.GetProperty("recurring_actions").EnumerateArray().Single(r => r.GetProperty("description").GetString() == description);
    }
}
