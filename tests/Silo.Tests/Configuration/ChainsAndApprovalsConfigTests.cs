using Acteon.Silo.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Configuration;

/// <summary><c>[[chains]]</c>, <c>[server] approval_keys</c>/<c>external_url</c> and <c>[approvals]</c> as <see cref="ConfigLoader"/> reads and checks them.</summary>
public sealed class ChainsAndApprovalsConfigTests
{
    private const string Providers = "\n\n[[providers]]\nname = \"hook\"\ntype = \"log\"\n";

    [Fact]
    public void Parse_ChainWithEveryField_ReadsIt()
    {
        var config = ConfigLoader.Parse(Providers + """
            [[chains]]
            name = "triage"
            timeout_seconds = 300

            [[chains.steps]]
            name = "classify"
            provider = "hook"
            action_type = "classify"
            payload_template = { id = "{{origin.payload.id}}", nested = { n = 1, list = ["{{chain_id}}"] } }
            on_failure = "skip"
            default_next = "page"

              [[chains.steps.branches]]
              field = "body.severity"
              operator = "gte"
              value = 3
              target = "page"

            [[chains.steps]]
            name = "page"
            provider = "hook"
            action_type = "page"
            delay_seconds = 5
            """, "acteon.toml");

        var chain = config.Chains["triage"];
        Assert.Equal((300L, 2), (chain.TimeoutSeconds, chain.Steps.Count));
        var classify = chain.Steps[0];
        Assert.Equal(("skip", "page", 0L), (classify.OnFailure, classify.DefaultNext, classify.DelaySeconds));
        Assert.Equal("""{"id":"{{origin.payload.id}}","nested":{"n":1,"list":["{{chain_id}}"]}}""", classify.PayloadTemplate.GetRawText());
        var branch = Assert.Single(classify.Branches);
        Assert.Equal(("body.severity", "gte", "3", "page"), (branch.Field, branch.Operator, branch.Value!.Value.GetRawText(), branch.Target));
        Assert.Equal(("abort", 5L, "{}"), (chain.Steps[1].OnFailure, chain.Steps[1].DelaySeconds, chain.Steps[1].PayloadTemplate.GetRawText()));
    }

    [Theory]
    [InlineData("[[chains]]\nname = \"c\"\n[[chains.steps]]\nname = \"a\"\nprovider = \"nope\"\naction_type = \"x\"",
        "acteon.toml:5: [chains[0].steps[0]] provider: 'nope' is not a configured provider")]
    [InlineData("[[chains]]\nname = \"c\"\n[[chains.steps]]\nname = \"a\"\nprovider = \"hook\"\naction_type = \"x\"\ndefault_next = \"ghost\"",
        "acteon.toml:3: [chains] step 'a' goes to 'ghost', which is no step of chain 'c'")]
    [InlineData("[[chains]]\nname = \"c\"\n[[chains.steps]]\nname = \"a\"\nprovider = \"hook\"\naction_type = \"x\"\n[[chains.steps.branches]]\nfield = \"success\"\nvalue = true\ntarget = \"ghost\"",
        "acteon.toml:3: [chains] step 'a' goes to 'ghost'")]
    [InlineData("[[chains]]\nname = \"c\"\n\n[[chains.steps]]\nname = \"a\"\nprovider = \"hook\"\naction_type = \"x\"\n\n[[chains.steps]]\nname = \"b\"\nprovider = \"hook\"\naction_type = \"x\"\ndefault_next = \"a\"",
        "acteon.toml:4: [chains] step 'a' of chain 'c' is in a cycle with no way out")]
    [InlineData("[[chains]]\nname = \"c\"\n[[chains.steps]]\nname = \"a\"\nprovider = \"hook\"\naction_type = \"x\"\n[[chains.steps.branches]]\nfield = \"status\"\nvalue = 1\ntarget = \"a\"",
        "acteon.toml:8: [chains[0].steps[0].branches[0]] field: must be success, body or body.<path>")]
    [InlineData("[[chains]]\nname = \"c\"\n[[chains.steps]]\nname = \"a\"\nprovider = \"hook\"\naction_type = \"x\"\n[[chains.steps.branches]]\nfield = \"body\"\noperator = \"like\"\nvalue = 1\ntarget = \"a\"",
        "acteon.toml:9: [chains[0].steps[0].branches[0]] operator: must be one of")]
    [InlineData("[[chains]]\nname = \"c\"\n[[chains.steps]]\nname = \"a\"\nprovider = \"hook\"\naction_type = \"x\"\npayload_template = { a = \"{{steps.ghost.body}}\" }",
        "acteon.toml:7: [chains[0].steps[0]] payload_template: unknown template '{{steps.ghost.body}}'")]
    [InlineData("[[chains]]\nname = \"c\"\n[[chains.steps]]\nname = \"a\"\nprovider = \"hook\"\naction_type = \"x\"\nretry = 3",
        "acteon.toml:7: [chains[0].steps[0]] retry: unknown key")]
    [InlineData("[[chains]]\nname = \"c\"", "acteon.toml:1: [chains[0]] steps: chain 'c' needs at least one [[chains.steps]]")]
    [InlineData("[server]\napproval_keys = [{id = \"k1\", secret = \"abc\"}]", "acteon.toml:2: [server] approval_keys: key 'k1' needs a secret of at least 32 hex digits")]
    [InlineData("[server]\napproval_keys = [{secret = \"00112233445566778899aabbccddeeff\"}]", "acteon.toml:2: [server] approval_keys: entry 0 needs an id")]
    [InlineData("[server]\napproval_keys = \"k1\"", "acteon.toml:2: [server] approval_keys: must be an array of tables")]
    [InlineData("[server]\nexternal_url = \"gateway:80\"", "acteon.toml:2: [server] external_url: must be an http:// or https:// URL")]
    [InlineData("[approvals]\nretention_days = 0", "acteon.toml:2: [approvals] retention_days: must be between 1 and 3650")]
    [InlineData("[approvals]\nkeep_days = 3", "acteon.toml:2: [approvals] keep_days: unknown key")]
    public void Parse_BadChainOrApprovalSetting_ErrorNamesFileLineAndKey(string toml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(toml + Providers, "acteon.toml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ApprovalKeysAndSecret_FirstKeySignsSecretIsK0AndExternalUrlDefaultsToHostAndPort()
    {
        var config = ConfigLoader.Parse("""
            [server]
            port = 9000
            approval_keys = [{id = "k2", secret = "ffeeddccbbaa99887766554433221100"}, {id = "k1", secret = "00112233445566778899aabbccddeeff"}]
            approval_secret = "0123456789abcdef0123456789abcdef"

            [approvals]
            retention_days = 30
            """, "acteon.toml");

        Assert.Equal(["k2", "k1", "k0"], config.Approvals.Keys.Select(k => k.Id));
        Assert.Equal("http://127.0.0.1:9000", config.Approvals.ExternalUrl);
        Assert.Equal(TimeSpan.FromDays(30), config.Approvals.Retention);
    }
}
