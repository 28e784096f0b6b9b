using System.Text;
using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Dispatch;

public sealed class BatchDispatchTests
{
    [Fact]
    public async Task Batch_MixedElements_EachAnsweredInOrderWithoutFailingSiblings()
    {
        await using var app = new GatewayApp();
        var body = await app.PostJsonAsync("/v1/dispatch/batch", new
        {
            actions = new object[]
            {
                GatewayApp.Action(dedupKey: "b1"),
                GatewayApp.Action(provider: "sms"),
                new { @namespace = "n", tenant = "t", provider = "log" },
                GatewayApp.Action(dedupKey: "b2"),
                42,
            },
        });
        var results = body.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(5, results.Count);
        Assert.Equal("executed", results[0].GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.Equal("provider not found: sms", results[1].GetProperty("error").GetProperty("message").GetString());
        Assert.Contains("$.actions[2].action_type", results[2].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("success", results[3].GetProperty("status").GetString());
        Assert.Equal("error", results[4].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Batch_SameDedupKeyTwice_OneExecutedOneDeduplicated()
    {
        await using var app = new GatewayApp();
        var body = await app.PostJsonAsync("/v1/dispatch/batch", new { actions = new[] { GatewayApp.Action(dedupKey: "d"), GatewayApp.Action(dedupKey: "d") } });
        var outcomes = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetProperty("outcome").GetString()).Order().ToList();

        Assert.Equal(["deduplicated", "executed"], outcomes);
    }

    [Fact]
    public async Task Batch_DryRun_EveryElementIsDryRun()
    {
        await using var app = new GatewayApp();
        var body = await app.PostJsonAsync("/v1/dispatch/batch?dry_run=true", new { actions = new[] { GatewayApp.Action(), GatewayApp.Action() } });

        Assert.All(body.GetProperty("results").EnumerateArray(), r => Assert.Equal("dry_run", r.GetProperty("outcome").GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Batch_Over1000Actions_400()
    {
        await using var app = new GatewayApp("[server]\nmax_body_bytes = 10485760");
        var body = await app.PostJsonAsync("/v1/dispatch/batch", new { actions = Enumerable.Range(0, 1001).Select(_ => GatewayApp.Action()).ToArray() }, HttpStatusCode.BadRequest);

        Assert.Contains("1001", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_Exactly1000Actions_AllAnswered()
    {
        await using var app = new GatewayApp("[server]\nmax_body_bytes = 10485760");
        var body = await app.PostJsonAsync("/v1/dispatch/batch", new { actions = Enumerable.Range(0, 1000).Select(_ => GatewayApp.Action()).ToArray() });

        Assert.Equal(1000, body.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"actions\": {}}")]
    [InlineData("{}")]
    public async Task Batch_BodyWithoutActionsArray_400(string json)
    {
        await using var app = new GatewayApp();
        using var response = await app.CreateClient().PostAsync(new Uri("/v1/dispatch/batch", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await GatewayApp.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("$.actions", body.GetProperty("details")[0].GetProperty("path").GetString());
    }
}
