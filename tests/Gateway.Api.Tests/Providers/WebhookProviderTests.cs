using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Providers;

public sealed class WebhookProviderTests
{
    [Fact]
    public async Task Webhook_Success_PostsTheActionWithConfiguredHeaders()
    {
        await using var listener = await WebhookListener.StartAsync(200);
        await using var app = new GatewayApp(Webhook(listener.Url));
        var body = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "hook"));

        Assert.Equal("executed", body.GetProperty("outcome").GetString());
        Assert.True(body.GetProperty("response").GetProperty("body").GetProperty("accepted").GetBoolean());
        var (sent, header) = Assert.Single(listener.Requests);
        Assert.Contains("\"action_type\":\"send\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"payload\":{\"to\":\"user@example.com\"}", sent, StringComparison.Ordinal);
        Assert.Equal("acteon-test", header);
    }

    [Fact]
    public async Task Webhook_ServerErrorsThenSuccess_RetriedUntilExecuted()
    {
        await using var listener = await WebhookListener.StartAsync(503, 500, 200);
        await using var app = new GatewayApp(Webhook(listener.Url));
        var body = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "hook"));

        Assert.Equal("executed", body.GetProperty("outcome").GetString());
        Assert.Equal(3, listener.Requests.Count);
    }

    [Fact]
    public async Task Webhook_ClientError_FailsAtOnceWithoutRetry()
    {
        await using var listener = await WebhookListener.StartAsync(400, 200);
        await using var app = new GatewayApp(Webhook(listener.Url));
        var body = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "hook"));
        var error = body.GetProperty("error");

        Assert.Equal("failed", body.GetProperty("outcome").GetString());
        Assert.Equal("EXECUTION_FAILED", error.GetProperty("code").GetString());
        Assert.False(error.GetProperty("retryable").GetBoolean());
        Assert.Equal(1, error.GetProperty("attempts").GetInt32());
        Assert.Single(listener.Requests);
    }

    [Fact]
    public async Task Webhook_RateLimited_IsRetryable()
    {
        await using var listener = await WebhookListener.StartAsync(429, 429, 429, 429);
        await using var app = new GatewayApp(Webhook(listener.Url));
        var body = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "hook"));

        Assert.Equal("RATE_LIMITED", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(4, body.GetProperty("error").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Webhook_ConnectionRefused_RetriedThenFailedAsConnection()
    {
        await using var app = new GatewayApp(Webhook(WebhookListener.RefusingUrl()));
        var body = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "hook"));
        var error = body.GetProperty("error");

        Assert.Equal("failed", body.GetProperty("outcome").GetString());
        Assert.Equal("CONNECTION", error.GetProperty("code").GetString());
        Assert.True(error.GetProperty("retryable").GetBoolean());
        Assert.Equal(4, error.GetProperty("attempts").GetInt32());
    }

    private static string Webhook(Uri url) => $"""
        [[providers]]
        name = "hook"
        type = "webhook"
        url = "{url}"
        timeout_seconds = 5
        headers = {"{"} "X-Source" = "acteon-test" {"}"}
        """;
}
