using Microsoft.Playwright;

namespace Acteon.Dashboard.Tests.Support;

/// <summary>
/// Base of the dashboard tests: a fresh browser context per test, logged in as a user of <see cref="DashboardGateway"/>
/// with the scope bar set to its namespace and tenant; a screenshot of each test's end state under screenshots/.
/// </summary>
[Collection(DashboardCollection.Name)]
public abstract class DashboardTest(DashboardGateway gateway, Chromium chromium) : IAsyncLifetime
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private readonly List<IBrowserContext> _contexts = [];

    protected DashboardGateway Gateway { get; } = gateway;

    /// <summary>Errors the pages wrote to the console or threw: a test fails on any (a broken script is a failure).</summary>
    protected List<string> PageErrors { get; } = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        Assert.True(PageErrors.Count == 0, "the pages reported errors:\n" + string.Join("\n", PageErrors));
    }

    /// <summary>A page logged in as <paramref name="user"/> (null: not logged in), opened at <c>/ui/#/{hash}</c>.</summary>
    protected async Task<IPage> OpenAsync(string? user, string hash = "overview", string ns = DashboardGateway.Namespace, string tenant = DashboardGateway.Tenant)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        _contexts.Add(context);
        context.SetDefaultTimeout(10_000);
        var token = user is null ? null : await Gateway.TokenAsync(user);
        await context.AddInitScriptAsync($$"""
            localStorage.setItem('acteon.scope', JSON.stringify({ namespace: '{{ns}}', tenant: '{{tenant}}' }));
            {{(token is null ? "" : $"sessionStorage.setItem('acteon.token', '{token}');")}}
            """);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpectedFailure(message.Text))
            {
                PageErrors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => PageErrors.Add($"page error: {error}");
        await page.GotoAsync(new Uri(Gateway.BaseUrl, $"/ui/#/{hash}").ToString());
        return page;
    }

    /// <summary>Saves a full-page screenshot as screenshots/{name}.png.</summary>
    protected static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    /// <summary>The browser logs every non-2xx fetch as a console error; the tests that expect one (a 403, a 409) show it in the page.</summary>
    private static bool IsExpectedFailure(string text) => text.StartsWith("Failed to load resource: the server responded with a status of", StringComparison.Ordinal);
}
