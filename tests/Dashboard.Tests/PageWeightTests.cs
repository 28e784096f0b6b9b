using System.Collections.Concurrent;
using System.Globalization;
using Acteon.Dashboard.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;
using IRequest = Microsoft.Playwright.IRequest;
using static Microsoft.Playwright.Assertions;

namespace Acteon.Dashboard.Tests;

/// <summary>
/// The overview's first load (fresh browser, empty cache, logged in): the bytes transferred, asserted under 500 KB,
/// and the time from navigation start to the overview's data-ready, reported only (a timed assertion would flake).
/// </summary>
public sealed class PageWeightTests : DashboardTest
{
    private const long MaxBytes = 500 * 1024;
    private readonly Chromium _chromium;
    private readonly ITestOutputHelper _output;

    public PageWeightTests(DashboardGateway gateway, Chromium chromium, ITestOutputHelper output)
        : base(gateway, chromium)
    {
        _chromium = chromium;
        _output = output;
    }

    [Fact]
    public async Task Overview_FirstLoad_WeighsUnder500KB_AndItsTimeToDataReadyIsReported()
    {
        // The chart's history at its limit (1000 audit records of the last hour), whatever ran before (the tests share
        // one gateway), and a gateway past its first requests' JIT: the measure is the browser's first load.
        var marker = Guid.NewGuid().ToString("N");
        var actions = Enumerable.Range(0, 1000).Select(i => new
        {
            @namespace = DashboardGateway.Namespace,
            tenant = i % 2 == 0 ? DashboardGateway.Tenant : DashboardGateway.OtherTenant,
            provider = i % 10 == 0 ? "hook" : "log",
            action_type = i % 3 == 0 ? "dashboard_weight_alert" : "dashboard_weight_notice",
            payload = new { n = i, marker, text = "a payload of a realistic size for a notification" },
        }).ToArray();
        await Gateway.OkAsync(HttpMethod.Post, "/v1/dispatch/batch", new { actions });
        await using (var warm = await _chromium.Browser.NewContextAsync())
        {
            await warm.AddInitScriptAsync($"sessionStorage.setItem('acteon.token', '{await Gateway.TokenAsync("admin")}');");
            var warmPage = await warm.NewPageAsync();
            await warmPage.GotoAsync(new Uri(Gateway.BaseUrl, "/ui/#/overview").ToString());
            await Expect(warmPage.Locator(".page-overview[data-ready=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        var token = await Gateway.TokenAsync("admin");
        // Scope and token as a logged-in operator has them; the time stamp of data-ready is taken in the page itself.
        await context.AddInitScriptAsync($$"""
            localStorage.setItem('acteon.scope', JSON.stringify({ namespace: 'ops', tenant: 'acme' }));
            sessionStorage.setItem('acteon.token', '{{token}}');
            new MutationObserver((_, observer) => {
              if (document.querySelector('.page-overview[data-ready=true]')) { window.__readyAt = performance.now(); observer.disconnect(); }
            }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
            """);
        var page = await context.NewPageAsync();
        var started = new ConcurrentDictionary<IRequest, bool>();
        var finished = new ConcurrentBag<IRequest>();
        page.Request += (_, request) => started[request] = true;
        page.RequestFinished += (_, request) => finished.Add(request);
        page.RequestFailed += (_, request) => PageErrors.Add($"request failed: {request.Url} {request.Failure}");

        await page.GotoAsync(new Uri(Gateway.BaseUrl, "/ui/#/overview").ToString());
        await Expect(page.Locator(".page-overview[data-ready=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var readyMs = await page.EvaluateAsync<double>("() => window.__readyAt");
        // Every request of the first load has finished except the live stream, which stays open by design.
        await Wait.UntilAsync(() => Task.FromResult(started.Keys.Count(r => !IsStream(r)) == finished.Count(r => !IsStream(r))),
            "every request of the first load to finish", TimeSpan.FromSeconds(30));

        long total = 0;
        var lines = new List<string>();
        foreach (var request in finished.Where(r => !IsStream(r)).OrderBy(r => r.Url, StringComparer.Ordinal))
        {
            var sizes = await request.SizesAsync();
            var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            total += bytes;
            var timing = request.Timing;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {bytes,8} B  {timing.ResponseEnd,6:F0} ms  {request.Method} {new Uri(request.Url).PathAndQuery}"));
        }

        var streamOpen = started.Keys.Any(IsStream);
        var history = await page.Locator(".page-overview .chart + p").TextContentAsync();
        var report = string.Join("\n", [
            string.Create(CultureInfo.InvariantCulture, $"overview first load: {total / 1024.0:F1} KB transferred in {lines.Count} responses (limit {MaxBytes / 1024} KB; the open /v1/stream is not counted: {(streamOpen ? "it was open" : "none")})"),
            string.Create(CultureInfo.InvariantCulture, $"overview first load: data-ready {readyMs:F0} ms after navigation start (issue target 1000 ms on loopback; reported, not asserted)"),
            $"chart history: {history}",
            .. lines,
        ]);
        _output.WriteLine(report);
        Directory.CreateDirectory(Screenshots);
        await File.WriteAllTextAsync(Path.Combine(Screenshots, "page-weight.txt"), report + "\n");
        await ShotAsync(page, "overview-first-load");

        Assert.True(lines.Count >= 10, $"the first load made only {lines.Count} requests:\n{report}");
        Assert.True(total < MaxBytes, report);
    }

    private static bool IsStream(IRequest request) => new Uri(request.Url).AbsolutePath == "/v1/stream";
}
