using System.Security.Cryptography;
using System.Text;
using Acteon.Grains.Rules.Actions;
using Xunit;
using static Acteon.Grains.Tests.Rules.RuleTestKit;

namespace Acteon.Grains.Tests.Rules;

public sealed class KeyFieldsTests
{
    [Fact]
    public void GroupKey_PathsWithAndWithoutPrefix_HashOfScopeAndPresentValuesInOrder()
    {
        var fields = KeyFields.Compile(["payload.service", "action.metadata.labels.cluster", "metadata.missing", "action_type"]);
        var action = Action("""{"service":"api"}""", labels: new Dictionary<string, string> { ["cluster"] = "eu" }) with { Namespace = "ns" };

        var values = fields.Values(action);

        Assert.Equal(new Dictionary<string, string> { ["payload.service"] = "api", ["action.metadata.labels.cluster"] = "eu", ["action_type"] = "send" }, values);
        Assert.Equal(Sha("ns:t1:payload.service=api;action.metadata.labels.cluster=eu;action_type=send;"), fields.GroupKey(action, values));
    }

    [Fact]
    public void Fingerprint_ActionsOwnWinsElseHashOfFieldsWithMissingOnesEmpty()
    {
        var fields = KeyFields.Compile(["action_type", "payload.host"]);

        Assert.Equal(Sha("action_type=send;payload.host=;"), fields.Fingerprint(Action()));
        Assert.Equal("given", fields.Fingerprint(Action() with { Fingerprint = "given" }));
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
