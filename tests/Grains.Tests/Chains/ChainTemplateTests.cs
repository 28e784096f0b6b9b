using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Chains;
using Xunit;

namespace Acteon.Grains.Tests.Chains;

public sealed class ChainTemplateTests
{
    private static readonly JsonElement Body = Json("""{"ticket":{"id":17,"tags":["a","b"]},"ok":true}""");

    private static readonly ChainTemplate.Scope Scope = new(
        new GatewayAction
        {
            Id = "origin-1", Namespace = "ns", Tenant = "t", Provider = "hook", ActionType = "alert",
            Payload = Json("""{"alert":{"id":"A-1","level":3}}"""), Labels = new Dictionary<string, string> { ["team"] = "db" },
            CreatedAt = DateTimeOffset.UnixEpoch,
        },
        "chain-1", 2, Body, new Dictionary<string, JsonElement?> { ["open"] = Body });

    [Theory]
    [InlineData("""{"v":"{{origin.payload.alert.level}}"}""", """{"v":3}""")]
    [InlineData("""{"v":"{{ origin.payload.alert }}"}""", """{"v":{"id":"A-1","level":3}}""")]
    [InlineData("""{"v":"{{prev.body.ticket.tags.1}}"}""", """{"v":"b"}""")]
    [InlineData("""{"v":"{{steps.open.body.ok}}"}""", """{"v":true}""")]
    [InlineData("""{"v":"{{steps.open.body.nothing}}"}""", """{"v":null}""")]
    [InlineData("""{"v":"#{{prev.body.ticket.id}} for {{origin.metadata.team}} in {{origin.namespace}}/{{origin.tenant}} ({{chain_id}}, step {{step_index}}){{origin.payload.none}}"}""",
        """{"v":"#17 for db in ns/t (chain-1, step 2)"}""")]
    [InlineData("""{"list":["{{origin.id}}", 1, {"deep":"{{origin.action_type}}"}],"n":null,"b":false}""", """{"list":["origin-1",1,{"deep":"alert"}],"n":null,"b":false}""")]
    public void Render_Expressions_FilledWithTheirJsonValuesOrText(string template, string expected)
    {
        Assert.Equal(expected, ChainTemplate.Render(Json(template), Scope).GetRawText());
    }

    [Theory]
    [InlineData("""{"v":"{{prev.body}}"}""", null)]
    [InlineData("""{"v":"{{origin.metadata.team}}"}""", null)]
    [InlineData("""{"v":"{{steps.open.body.x}}"}""", null)]
    [InlineData("""{"v":"{{steps.close.body}}"}""", "unknown template '{{steps.close.body}}'")]
    [InlineData("""{"v":["{{origin.paylod.x}}"]}""", "unknown template '{{origin.paylod.x}}'")]
    [InlineData("""{"v":"{{prev.response}}"}""", "unknown template '{{prev.response}}'")]
    [InlineData("""{"v":"{{chain_id.x}}"}""", "unknown template '{{chain_id.x}}'")]
    public void Check_Expressions_UnknownOnesNamed(string template, string? expected)
    {
        var problem = ChainTemplate.Check(Json(template), ["open"]);

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        }
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
