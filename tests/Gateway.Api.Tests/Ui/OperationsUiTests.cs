using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Ui;

public sealed class OperationsUiTests
{
    [Fact]
    public async Task Ui_BuiltIn_ServedAtUiWithRevalidation()
    {
        await using var app = new GatewayApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var redirect = await client.GetAsync(new Uri("/ui", UriKind.Relative));
        using var index = await client.GetAsync(new Uri("/ui/", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/ui/app.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("<script type=\"module\" src=\"app.js\">", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ui_Disabled_NotServed()
    {
        await using var app = new GatewayApp("[ui]\nenabled = false");
        using var client = app.CreateClient();

        using var index = await client.GetAsync(new Uri("/ui/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
    }

    [Fact]
    public async Task Ui_DistPath_ServesThatFolderInstead()
    {
        var directory = Path.Combine(Path.GetTempPath(), "acteon-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "custom-ui"));
        await File.WriteAllTextAsync(Path.Combine(directory, "custom-ui", "index.html"), "<!doctype html><title>custom</title>");
        await using var app = new GatewayApp("[ui]\ndist_path = \"custom-ui\"", directory: directory);
        using var client = app.CreateClient();

        using var index = await client.GetAsync(new Uri("/ui/", UriKind.Relative));
        using var builtIn = await client.GetAsync(new Uri("/ui/app.js", UriKind.Relative));

        Assert.Equal("<!doctype html><title>custom</title>", await index.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, builtIn.StatusCode);
    }
}
