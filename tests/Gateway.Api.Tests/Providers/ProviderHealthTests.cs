using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Providers;

/// <summary><c>GET /v1/providers/health</c> counts the calls of every provider kind, not only the AWS ones.</summary>
public sealed class ProviderHealthTests
{
    [Fact]
    public async Task ProvidersHealth_LogAndWebhookCalls_CountedWithSuccessRateLatencyAndLastErrors()
    {
        // The webhook answers 500, 500, 500, 500 (one dispatch, its retries exhausted), then 200.
        await using var listener = await WebhookListener.StartAsync(500, 500, 500, 500, 200);
        await using var app = new GatewayApp($"""
            [[providers]]
            name = "hook"
            type = "webhook"
            url = "{listener.Url}"
            """);

        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action());
        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action());
        var failed = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "hook"));
        var executed = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "hook"));
        var health = await app.GetJsonAsync("/v1/providers/health");

        Assert.Equal("failed", failed.GetProperty("outcome").GetString());
        Assert.Equal("executed", executed.GetProperty("outcome").GetString());
        var providers = health.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var log = providers["log"];
        Assert.Equal(2, log.GetProperty("total").GetInt64());
        Assert.Equal(1.0, log.GetProperty("success_rate").GetDouble());
        Assert.Equal(0, log.GetProperty("last_errors").GetArrayLength());
        var hook = providers["hook"];
        Assert.Equal(5, hook.GetProperty("total").GetInt64());
        Assert.Equal(1, hook.GetProperty("succeeded").GetInt64());
        Assert.Equal(0.2, hook.GetProperty("success_rate").GetDouble(), 3);
        Assert.True(hook.GetProperty("latency_ms").GetProperty("p99").GetDouble() > 0);
        var errors = hook.GetProperty("last_errors").EnumerateArray().ToList();
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Equal("CONNECTION", e.GetProperty("code").GetString()));
    }
}
