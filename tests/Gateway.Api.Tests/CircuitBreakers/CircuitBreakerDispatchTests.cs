using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Grains.CircuitBreakers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Acteon.Gateway.Api.Tests.CircuitBreakers;

/// <summary>Breakers through the REST API, on a gateway whose clock the test drives; webhooks are real loopback servers.</summary>
public sealed class CircuitBreakerDispatchTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Dispatch_WebhookRefusingConnections_OpensItsBreakerThenCircuitOpen()
    {
        await using var app = App($"""
            {Webhook("down", WebhookListener.RefusingUrl())}
            [circuit_breaker]
            enabled = true
            failure_threshold = 2
            """);

        var first = await DispatchAsync(app, "down");
        var second = await DispatchAsync(app, "down");
        var third = await DispatchAsync(app, "down");

        Assert.Equal(("failed", "CONNECTION"), (Outcome(first), first.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal("failed", Outcome(second));
        Assert.Equal("circuit_open", Outcome(third));
        Assert.Equal("down", third.GetProperty("provider").GetString());
        Assert.Equal(JsonValueKind.Null, third.GetProperty("fallback_provider").ValueKind);
        Assert.Equal("open", await StateAsync(app, "down"));
        Assert.Equal("closed", await StateAsync(app, "log"));
        var health = await app.GetJsonAsync("/v1/providers/health");
        Assert.Equal("open", health.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "down").GetProperty("circuit_breaker").GetString());
    }

    [Fact]
    public async Task Dispatch_OpenBreakerWithFallback_ReroutedToTheFallback()
    {
        await using var app = App($"""
            {Webhook("down", WebhookListener.RefusingUrl())}
            [circuit_breaker]
            enabled = true
            [circuit_breaker.providers.down]
            failure_threshold = 1
            fallback_provider = "log"
            """);

        await DispatchAsync(app, "down");
        var rerouted = await DispatchAsync(app, "down");

        Assert.Equal("rerouted", Outcome(rerouted));
        Assert.Equal(("down", "log"), (rerouted.GetProperty("original_provider").GetString(), rerouted.GetProperty("new_provider").GetString()));
        Assert.True(rerouted.GetProperty("response").GetProperty("body").GetProperty("logged").GetBoolean());
        var listed = await app.GetJsonAsync("/admin/circuit-breakers");
        var down = listed.GetProperty("circuit_breakers").EnumerateArray().Single(b => b.GetProperty("provider").GetString() == "down");
        Assert.Equal("""{"provider":"down","state":"open","failure_threshold":1,"success_threshold":2,"recovery_timeout_seconds":60,"fallback_provider":"log"}""", down.GetRawText());
    }

    [Fact]
    public async Task Dispatch_FallbackChainWhoseFallbackIsOpenToo_WalksOnOrAnswersCircuitOpen()
    {
        await using var app = App($"""
            {Webhook("a", WebhookListener.RefusingUrl())}
            {Webhook("b", WebhookListener.RefusingUrl())}
            [circuit_breaker]
            enabled = true
            failure_threshold = 1
            [circuit_breaker.providers.a]
            fallback_provider = "b"
            [circuit_breaker.providers.b]
            fallback_provider = "log"
            """);
        await app.PostJsonAsync("/admin/circuit-breakers/a/trip", new { });
        await app.PostJsonAsync("/admin/circuit-breakers/b/trip", new { });

        var walked = await DispatchAsync(app, "a");
        await app.PostJsonAsync("/admin/circuit-breakers/log/trip", new { });
        var none = await DispatchAsync(app, "a");

        Assert.Equal(("rerouted", "log"), (Outcome(walked), walked.GetProperty("new_provider").GetString()));
        Assert.Equal(("circuit_open", "a", "b"), (Outcome(none), none.GetProperty("provider").GetString(), none.GetProperty("fallback_provider").GetString()));
    }

    [Fact]
    public async Task Dispatch_RecoveryTimeout_ProbesCloseTheBreakerAfterTheSuccessThreshold()
    {
        await using var webhook = await WebhookListener.StartAsync(503, 503);
        await using var app = App($"""
            {Webhook("flaky", webhook.Url)}
            [circuit_breaker]
            enabled = true
            failure_threshold = 2
            success_threshold = 2
            recovery_timeout_seconds = 30
            """);

        await DispatchAsync(app, "flaky");
        await DispatchAsync(app, "flaky");
        var rejected = await DispatchAsync(app, "flaky");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var firstProbe = await DispatchAsync(app, "flaky");
        var afterFirst = await StateAsync(app, "flaky");
        var secondProbe = await DispatchAsync(app, "flaky");

        Assert.Equal("circuit_open", Outcome(rejected));
        Assert.Equal(("executed", "half_open"), (Outcome(firstProbe), afterFirst));
        Assert.Equal(("executed", "closed"), (Outcome(secondProbe), await StateAsync(app, "flaky")));
        Assert.Equal(4, webhook.Requests.Count);
    }

    [Fact]
    public async Task Dispatch_PerProviderThreshold_EachBreakerOpensAtItsOwn()
    {
        await using var app = App($"""
            {Webhook("strict", WebhookListener.RefusingUrl())}
            {Webhook("lenient", WebhookListener.RefusingUrl())}
            [circuit_breaker]
            enabled = true
            failure_threshold = 2
            [circuit_breaker.providers.strict]
            failure_threshold = 1
            """);

        await DispatchAsync(app, "strict");
        await DispatchAsync(app, "lenient");
        var afterOne = (await StateAsync(app, "strict"), await StateAsync(app, "lenient"));
        await DispatchAsync(app, "lenient");

        Assert.Equal(("open", "closed"), afterOne);
        Assert.Equal("open", await StateAsync(app, "lenient"));
    }

    [Fact]
    public async Task Dispatch_NonRetryableFailure_DoesNotCount()
    {
        await using var webhook = await WebhookListener.StartAsync(400, 400, 400);
        await using var app = App($"""
            {Webhook("picky", webhook.Url)}
            [circuit_breaker]
            enabled = true
            failure_threshold = 1
            """);

        var outcomes = new[] { await DispatchAsync(app, "picky"), await DispatchAsync(app, "picky"), await DispatchAsync(app, "picky") };

        Assert.All(outcomes, o => Assert.Equal("EXECUTION_FAILED", o.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal("closed", await StateAsync(app, "picky"));
    }

    [Fact]
    public async Task Dispatch_ClosedBreaker_NoGrainCallPerDispatch()
    {
        await using var app = App("""
            [circuit_breaker]
            enabled = true
            """);
        await DispatchAsync(app, "log");
        var metrics = app.Services.GetRequiredService<CircuitBreakerMetrics>();
        var before = metrics.GrainCalls;

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal("executed", Outcome(await DispatchAsync(app, "log")));
        }

        // The first dispatch read the breaker once; the closed breaker is decided from the node's cache since.
        Assert.Equal(1, before);
        Assert.Equal(before, metrics.GrainCalls);
    }

    [Fact]
    public async Task TripAndReset_SeedShapes_RejectThenAdmit()
    {
        await using var app = App("""
            [circuit_breaker]
            enabled = true
            """);

        var tripped = await app.PostJsonAsync("/admin/circuit-breakers/log/trip", new { });
        var rejected = await DispatchAsync(app, "log");
        var reset = await app.PostJsonAsync("/admin/circuit-breakers/log/reset", new { });
        var admitted = await DispatchAsync(app, "log");
        var unknown = await app.PostJsonAsync("/admin/circuit-breakers/fax/trip", new { }, HttpStatusCode.NotFound);

        Assert.Equal("""{"provider":"log","state":"open","message":"circuit breaker tripped"}""", tripped.GetRawText());
        Assert.Equal("circuit_open", Outcome(rejected));
        Assert.Equal("""{"provider":"log","state":"closed","message":"circuit breaker reset"}""", reset.GetRawText());
        Assert.Equal("executed", Outcome(admitted));
        Assert.Equal("circuit breaker not found: fax", unknown.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Breakers_NotEnabled_AdminIs404AndHealthSaysNull()
    {
        await using var app = App("");

        var list = await app.GetJsonAsync("/admin/circuit-breakers", HttpStatusCode.NotFound);
        await app.PostJsonAsync("/admin/circuit-breakers/log/trip", new { }, HttpStatusCode.NotFound);
        var health = await app.GetJsonAsync("/v1/providers/health");

        Assert.Equal("circuit breakers are not enabled", list.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("providers")[0].GetProperty("circuit_breaker").ValueKind);
    }

    private GatewayApp App(string toml) => new(toml, time: _clock, maxRetries: 0);

    private static string Webhook(string name, Uri url) => $"""
        [[providers]]
        name = "{name}"
        type = "webhook"
        url = "{url}"
        """;

    private static Task<JsonElement> DispatchAsync(GatewayApp app, string provider) => app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider));

    private static string? Outcome(JsonElement outcome) => outcome.GetProperty("outcome").GetString();

    private static async Task<string?> StateAsync(GatewayApp app, string provider)
    {
        var listed = await app.GetJsonAsync("/admin/circuit-breakers");
        return listed.GetProperty("circuit_breakers").EnumerateArray().Single(b => b.GetProperty("provider").GetString() == provider).GetProperty("state").GetString();
    }
}
