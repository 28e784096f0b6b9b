using System.Net.Http.Json;
using System.Text;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;

namespace Acteon.Gateway.Api.Tests.Dispatch;

public sealed class DispatchEndpointsTests
{
    [Fact]
    public async Task Dispatch_LogProvider_ExecutedWithProviderResponse()
    {
        await using var app = new GatewayApp();
        var body = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action());

        Assert.Equal("executed", body.GetProperty("outcome").GetString());
        Assert.Equal("success", body.GetProperty("response").GetProperty("status").GetString());
        Assert.True(body.GetProperty("response").GetProperty("body").GetProperty("logged").GetBoolean());
        Assert.True(Guid.TryParse(body.GetProperty("action_id").GetString(), out _));
    }

    [Fact]
    public async Task Dispatch_ClientId_IsKeptAsActionId()
    {
        await using var app = new GatewayApp();
        var body = await app.PostJsonAsync("/v1/dispatch", new
        {
            id = "my-id-1", @namespace = "n", tenant = "t", provider = "log", action_type = "x", payload = new { },
            metadata = new { labels = new { priority = "high" } }, status = "firing", fingerprint = "fp", starts_at = "2026-01-15T10:00:00Z",
        });

        Assert.Equal("my-id-1", body.GetProperty("action_id").GetString());
    }

    [Fact]
    public async Task Dispatch_SameDedupKeyTwice_SecondIsDeduplicated()
    {
        await using var app = new GatewayApp();
        var first = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "welcome-1"));
        var second = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "welcome-1"));
        var otherTenant = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "welcome-1", tenant: "tenant-2"));

        Assert.Equal("executed", first.GetProperty("outcome").GetString());
        Assert.Equal("deduplicated", second.GetProperty("outcome").GetString());
        Assert.Equal("welcome-1", second.GetProperty("dedup_key").GetString());
        Assert.Equal("executed", otherTenant.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Dispatch_DedupActivations_KeySeenOnceLetGoWhenIdle_RepeatedKeyKeptInMemory()
    {
        await using var app = new GatewayApp();

        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "seen-once"));
        await Wait.UntilAsync(async () => await DedupActivationsAsync(app) == 0, "the activation of a key seen once to go away");

        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "seen-twice"));
        await Wait.UntilAsync(async () => await DedupActivationsAsync(app) == 0, "the first activation of the key to go away");
        var again = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "seen-twice"));

        // Answered from the store by a fresh activation, which then stays for the next duplicates.
        Assert.Equal("deduplicated", again.GetProperty("outcome").GetString());
        Assert.Equal(1, await DedupActivationsAsync(app));
        var third = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "seen-twice"));
        Assert.Equal("deduplicated", third.GetProperty("outcome").GetString());
        Assert.Equal(1, await DedupActivationsAsync(app));
    }

    [Fact]
    public async Task Dispatch_ConcurrentRequestsWithOneDedupKey_ExactlyOneExecuted()
    {
        await using var app = new GatewayApp(backend: "sqlite");
        var client = app.CreateClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "storm"));
            return (await GatewayApp.ReadAsync(response, HttpStatusCode.OK)).GetProperty("outcome").GetString();
        }));

        Assert.Equal(1, responses.Count(o => o == "executed"));
        Assert.Equal(59, responses.Count(o => o == "deduplicated"));
    }

    [Fact]
    public async Task Dispatch_DryRun_AnswersVerdictAndChangesNothing()
    {
        await using var app = new GatewayApp();
        var dry = await app.PostJsonAsync("/v1/dispatch?dry_run=true", GatewayApp.Action(dedupKey: "k"));
        var real = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "k"));
        await app.FlushAuditAsync();
        var audit = await app.GetJsonAsync("/v1/audit");

        Assert.Equal("dry_run", dry.GetProperty("outcome").GetString());
        Assert.Equal("log", dry.GetProperty("would_be_provider").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dry.GetProperty("matched_rule").ValueKind);
        Assert.Equal("executed", real.GetProperty("outcome").GetString());
        Assert.Equal(1, audit.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Dispatch_UnknownProvider_404NamesIt()
    {
        await using var app = new GatewayApp();
        var body = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "sms"), HttpStatusCode.NotFound);

        Assert.Equal("provider not found: sms", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Dispatch_MalformedJson_400WithPosition()
    {
        await using var app = new GatewayApp();
        using var response = await app.CreateClient().PostAsync(new Uri("/v1/dispatch", UriKind.Relative),
            new StringContent("{\"namespace\": \"n\",\n \"tenant\": }", Encoding.UTF8, "application/json"));
        var body = await GatewayApp.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.StartsWith("malformed JSON at line 2", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_MissingFields_400NamesEachField()
    {
        await using var app = new GatewayApp();
        var body = await app.PostJsonAsync("/v1/dispatch", new { @namespace = "n", payload = new { } }, HttpStatusCode.BadRequest);
        var paths = body.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("path").GetString()).ToList();

        Assert.Contains("$.tenant", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(["$.tenant", "$.provider", "$.action_type"], paths);
    }

    [Theory]
    [InlineData("{\"namespace\":\"n\",\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\",\"payload\":[1]}", "$.payload")]
    [InlineData("{\"namespace\":\"n\",\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\"}", "$.payload")]
    [InlineData("{\"namespace\":5,\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\",\"payload\":{}}", "$.namespace")]
    [InlineData("{\"namespace\":\"n\",\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\",\"payload\":{},\"dedup_key\":7}", "$.dedup_key")]
    [InlineData("{\"namespace\":\"n\",\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\",\"payload\":{},\"starts_at\":\"yesterday\"}", "$.starts_at")]
    [InlineData("{\"namespace\":\"n\",\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\",\"payload\":{},\"metadata\":{\"labels\":{\"a\":1}}}", "$.metadata.labels.a")]
    [InlineData("[1,2]", "$")]
    public async Task Dispatch_IllTypedField_400WithPath(string json, string path)
    {
        await using var app = new GatewayApp();
        using var response = await app.CreateClient().PostAsync(new Uri("/v1/dispatch", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await GatewayApp.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(path, body.GetProperty("details")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Dispatch_WrongContentType_415()
    {
        await using var app = new GatewayApp();
        using var response = await app.CreateClient().PostAsync(new Uri("/v1/dispatch", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "text/plain"));
        var body = await GatewayApp.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_BodyOverLimit_413()
    {
        await using var app = new GatewayApp("[server]\nmax_body_bytes = 2048");
        var big = new { @namespace = "n", tenant = "t", provider = "log", action_type = "x", payload = new { text = new string('x', 5000) } };
        var body = await app.PostJsonAsync("/v1/dispatch", big, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("2048", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_BadDryRunFlag_400NamesParameter()
    {
        await using var app = new GatewayApp();
        var body = await app.PostJsonAsync("/v1/dispatch?dry_run=maybe", GatewayApp.Action(), HttpStatusCode.BadRequest);

        Assert.Contains("dry_run", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRouteAndWrongMethod_JsonErrors()
    {
        await using var app = new GatewayApp();
        var client = app.CreateClient();
        using var missing = await client.GetAsync(new Uri("/v1/nothing", UriKind.Relative));
        using var wrongMethod = await client.GetAsync(new Uri("/v1/dispatch", UriKind.Relative));

        Assert.Contains("/v1/nothing", (await GatewayApp.ReadAsync(missing, HttpStatusCode.NotFound)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("GET", (await GatewayApp.ReadAsync(wrongMethod, HttpStatusCode.MethodNotAllowed)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static async Task<int> DedupActivationsAsync(GatewayApp app)
    {
        var cluster = await app.GetJsonAsync("/admin/cluster");
        return cluster.GetProperty("activations").TryGetProperty("dedup", out var count) ? count.GetInt32() : 0;
    }
}
