using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Health;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task HealthAndMetrics_CountDispatchesByOutcome()
    {
        await using var app = new GatewayApp();
        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "h"));
        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "h"));

        var health = await app.GetJsonAsync("/health");
        var metrics = await app.GetJsonAsync("/metrics");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(2, health.GetProperty("metrics").GetProperty("dispatched").GetInt64());
        Assert.Equal(0, health.GetProperty("metrics").GetProperty("pending_approval").GetInt64());
        Assert.Equal(1, metrics.GetProperty("executed").GetInt64());
        Assert.Equal(1, metrics.GetProperty("deduplicated").GetInt64());
        Assert.Equal(
            ["dispatched", "executed", "deduplicated", "suppressed", "rerouted", "throttled", "failed"],
            metrics.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task OpenApi_DocumentAndSwaggerUiAreServed()
    {
        await using var app = new GatewayApp();
        var document = await app.GetJsonAsync("/api-doc/openapi.json");
        using var ui = await app.CreateClient().GetAsync(new Uri("/swagger-ui/index.html", UriKind.Relative));

        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/dispatch", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/dispatch/batch", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/audit/{action_id}", out _));
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}
