using Acteon.Gateway.Api.Tests.Support;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Rules;

/// <summary><c>POST /v1/embeddings/similarity</c> with the local and the OpenAI-compatible provider, and <c>semantic_match</c> rules.</summary>
public sealed class EmbeddingTests
{
    private const string Local = "\n[embedding]\nprovider = \"local\"\n";
    private const string Topic = "database connection failure";
    private const string Related = "the database connection failed: connection refused by the database server";
    private const string Unrelated = "lunch menu for friday: pizza and salad";

    private static string OpenAi(Uri endpoint, bool failOpen = true) => $"""

        [embedding]
        provider = "openai"
        endpoint = "{endpoint}"
        model = "test-model"
        api_key = "sk-test-123"
        timeout_seconds = 5
        fail_open = {(failOpen ? "true" : "false")}

        """;

    [Fact]
    public async Task Similarity_WithoutEmbeddingSection_404()
    {
        await using var app = new GatewayApp();

        var error = await app.PostJsonAsync("/v1/embeddings/similarity", new { text = "a", topic = "b" }, HttpStatusCode.NotFound);

        Assert.Contains("[embedding]", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similarity_LocalProvider_RelatedTextScoresHigherThanUnrelated()
    {
        await using var app = new GatewayApp(Local);

        var related = await app.PostJsonAsync("/v1/embeddings/similarity", new { text = Related, topic = Topic });
        var unrelated = await app.PostJsonAsync("/v1/embeddings/similarity", new { text = Unrelated, topic = Topic });

        Assert.Equal(Topic, related.GetProperty("topic").GetString());
        var high = related.GetProperty("similarity").GetDouble();
        var low = unrelated.GetProperty("similarity").GetDouble();
        Assert.InRange(high, 0.3, 1.0);
        Assert.InRange(low, -1.0, 0.2);
    }

    [Theory]
    [InlineData("{\"text\":\"disk full\"}", "$.topic")]
    [InlineData("{\"topic\":\"infra\",\"text\":\"\"}", "$.text")]
    [InlineData("{\"topic\":\"infra\",\"text\":5}", "$.text")]
    public async Task Similarity_MissingOrBadField_400NamingIt(string json, string path)
    {
        await using var app = new GatewayApp(Local);

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await app.CreateClient().PostAsync(new Uri("/v1/embeddings/similarity", UriKind.Relative), content);
        var error = await GatewayApp.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains(path, error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similarity_SixthRequestWithinAMinute_429Json()
    {
        await using var app = new GatewayApp(Local);
        for (var i = 0; i < 5; i++)
        {
            await app.PostJsonAsync("/v1/embeddings/similarity", new { text = $"text {i}", topic = "infra" });
        }

        var error = await app.PostJsonAsync("/v1/embeddings/similarity", new { text = "one more", topic = "infra" }, HttpStatusCode.TooManyRequests);

        Assert.Contains("rate limit", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similarity_OpenAiProvider_CosineOfTheEndpointsVectorsWithBearerKeyAndModel()
    {
        await using var endpoint = await FakeEmbeddingEndpoint.StartAsync(new Dictionary<string, float[]>
        {
            ["disk is full"] = [0.6f, 0.8f, 0f],
            ["infrastructure"] = [1f, 0f, 0f],
        });
        await using var app = new GatewayApp(OpenAi(endpoint.Url));

        var body = await app.PostJsonAsync("/v1/embeddings/similarity", new { text = "disk is full", topic = "infrastructure" });

        Assert.Equal(0.6, body.GetProperty("similarity").GetDouble(), 5);
        Assert.Equal("infrastructure", body.GetProperty("topic").GetString());
        Assert.Equal(2, endpoint.Calls.Count);
        Assert.All(endpoint.Calls, call => Assert.Equal(("Bearer sk-test-123", "test-model"), (call.Authorization, call.Model)));
        Assert.Equal(["disk is full", "infrastructure"], endpoint.Calls.Select(c => c.Input).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Similarity_OpenAiEndpointFailing_502()
    {
        await using var endpoint = await FakeEmbeddingEndpoint.StartAsync(new Dictionary<string, float[]>(), failWith: 500);
        await using var app = new GatewayApp(OpenAi(endpoint.Url));

        var error = await app.PostJsonAsync("/v1/embeddings/similarity", new { text = "disk is full", topic = "infrastructure" }, HttpStatusCode.BadGateway);

        Assert.Contains("HTTP 500", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_SemanticMatchRuleWithFailOpenAndFailingEndpoint_RuleDoesNotMatchAndActionExecutes()
    {
        await using var endpoint = await FakeEmbeddingEndpoint.StartAsync(new Dictionary<string, float[]>(), failWith: 503);
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(OpenAi(endpoint.Url) + Hook(listener.Url),
            rules: Files(Rule("infra-alerts", "{semantic_match: infrastructure, threshold: 0.1, text_field: action.payload.message}", "{type: suppress}")));

        var body = await app.PostJsonAsync("/v1/dispatch", Act(payload: new { message = "disk is full" }));

        Assert.Equal("executed", Outcome(body));
        Assert.Single(listener.Requests);
        Assert.NotEmpty(endpoint.Calls);
    }

    [Fact]
    public async Task Dispatch_SemanticMatchRuleWithOpenAiProvider_MatchesBySimilarityOfTheEndpointsVectors()
    {
        await using var endpoint = await FakeEmbeddingEndpoint.StartAsync(new Dictionary<string, float[]>
        {
            ["disk is full"] = [0.6f, 0.8f, 0f],
            ["infrastructure"] = [1f, 0f, 0f],
        });
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(OpenAi(endpoint.Url) + Hook(listener.Url),
            rules: Files(Rule("infra-alerts", "{semantic_match: infrastructure, threshold: 0.5, text_field: action.payload.message}", "{type: suppress}")));

        var related = await app.PostJsonAsync("/v1/dispatch", Act(payload: new { message = "disk is full" }));
        var unrelated = await app.PostJsonAsync("/v1/dispatch", Act(payload: new { message = "team lunch" }));

        Assert.Equal("suppressed", Outcome(related));
        Assert.Equal("executed", Outcome(unrelated));
    }

    [Fact]
    public async Task Dispatch_SemanticMatchRuleWithLocalProvider_MatchesRelatedTextOnly()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Local + Hook(listener.Url),
            rules: Files(Rule("db-incidents", $"{{semantic_match: '{Topic}', threshold: 0.25, text_field: action.payload.message}}", "{type: suppress}")));

        var related = await app.PostJsonAsync("/v1/dispatch", Act(payload: new { message = Related }));
        var unrelated = await app.PostJsonAsync("/v1/dispatch", Act(payload: new { message = Unrelated }));

        Assert.Equal("suppressed", Outcome(related));
        Assert.Equal("db-incidents", related.GetProperty("rule").GetString());
        Assert.Equal("executed", Outcome(unrelated));
        Assert.Single(listener.Requests);
    }
}
