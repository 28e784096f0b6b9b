using Acteon.Grains.Rules.Loading;
using Xunit;
using static Acteon.Grains.Tests.Rules.RuleTestKit;

namespace Acteon.Grains.Tests.Rules;

public sealed class RuleLoadErrorTests
{
    [Theory]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x\n    action: {type: allow}\n", "rules/test.yaml:3: invalid YAML")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: allow}\n   broken: here\n", "rules/test.yaml:5: invalid YAML")]
    [InlineData("rules:\n  - name: r\n    condition:\n      field: time.hour\n      eq: \"nine\"\n    action: {type: allow}\n", "rules/test.yaml:5: rule 'r': 'eq \"nine\"' can never match: time.hour is a number")]
    [InlineData("rules:\n  - name: r\n    condition:\n      field: action.tenant\n      gt: 5\n    action: {type: allow}\n", "rules/test.yaml:5: rule 'r': 'gt 5' can never match: action.tenant is a string")]
    [InlineData("rules:\n  - name: r\n    condition:\n      field: time.weekday\n      eq: Funday\n    action: {type: allow}\n", "rules/test.yaml:5: rule 'r': time.weekday is one of")]
    [InlineData("rules:\n  - name: r\n    condition:\n      field: time.hour\n      matches: '1.'\n    action: {type: allow}\n", "rule 'r': 'matches' cannot apply to time.hour")]
    [InlineData("rules:\n  - name: r\n    condition:\n      field: action.payload.x\n      matches: '(['\n    action: {type: allow}\n", "rules/test.yaml:5: rule 'r': invalid regular expression")]
    [InlineData("rules:\n  - name: r\n    condition:\n      field: action.payload.x\n      like: 3\n    action: {type: allow}\n", "rules/test.yaml:5: rule 'r': unknown operator 'like'")]
    [InlineData("rules:\n  - name: r\n    condition:\n      field: action.payload.x\n    action: {type: allow}\n", "rule 'r': field 'action.payload.x' has no comparison")]
    [InlineData("rules:\n  - name: r\n    condition:\n      field: action.payloads.x\n      eq: 1\n    action: {type: allow}\n", "rules/test.yaml:4: rule 'r': field path 'action.payloads.x' names no action field")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, in_list: 3}\n    action: {type: allow}\n", "rule 'r': 'in_list' needs a list")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: explode}\n", "rules/test.yaml:4: rule 'r': unknown action type 'explode'")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: reroute, target_provider: pigeon}\n", "rule 'r': target_provider 'pigeon' is not a configured provider")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: throttle, max_count: 3}\n", "rule 'r': action 'throttle' needs 'window_seconds'")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: schedule, delay_seconds: 604801}\n", "rule 'r': 'delay_seconds' must be a whole number from 1 to 604800")]
    [InlineData("rules:\n  - name: r\n    timezone: Mars/Olympus\n    condition: {field: action.id, eq: x}\n    action: {type: allow}\n", "rules/test.yaml:3: rule 'r': unknown time zone 'Mars/Olympus'")]
    [InlineData("rules:\n  - name: r\n    priorty: 3\n    condition: {field: action.id, eq: x}\n    action: {type: allow}\n", "rule 'r': unknown key 'priorty'")]
    [InlineData("rules:\n  - condition: {field: action.id, eq: x}\n    action: {type: allow}\n", "rules/test.yaml:2: a rule needs a name")]
    [InlineData("rules:\n  - name: r\n    condition: {semantic_match: infra}\n    action: {type: allow}\n", "semantic_match needs an [embedding] provider")]
    [InlineData("other: 1\n", "rules/test.yaml:1: a rule file holds a top-level 'rules:' list")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: group, group_by: [payloads.x]}\n", "rule 'r': 'group_by': field path 'action.payloads.x' names no action field")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: group, group_by: [payload.x], notify_provider: pigeon}\n", "rule 'r': notify_provider 'pigeon' is not a configured provider")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: allow}\n    mute_time_intervals: [weekends]\n", "rules/test.yaml:5: rule 'r': 'mute_time_intervals' (mute time intervals) is not implemented yet in this gateway; remove it")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    active_time_intervals: [office]\n    action: {type: allow}\n", "rules/test.yaml:4: rule 'r': 'active_time_intervals' (active time intervals) is not implemented yet")]
    [InlineData("rules:\n  - name: r\n    metadata: {team: ops}\n    condition: {field: action.id, eq: x}\n    action: {type: allow}\n", "rules/test.yaml:3: rule 'r': 'metadata' (rule metadata) is not implemented yet")]
    [InlineData("rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: chain, chain: ghost}\n", "rules/test.yaml:4: rule 'r': chain 'ghost' is not defined ([[chains]] in acteon.toml)")]
    public void Parse_BadRule_ErrorNamesFileLineAndRule(string yaml, string expected)
    {
        var error = Assert.Throws<RuleLoadException>(() => RuleFileParser.Parse(yaml, "rules/test.yaml", Context()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("rules/test.yaml", error.File);
    }

    [Fact]
    public void Parse_StateMachineNotConfigured_ErrorNamesIt()
    {
        var context = Context() with { StateMachineExists = name => name == "alert" };
        const string Yaml = "rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: state_machine, state_machine: incident}\n";

        var error = Assert.Throws<RuleLoadException>(() => RuleFileParser.Parse(Yaml, "rules/test.yaml", context));

        Assert.Contains("rules/test.yaml:4: rule 'r': state_machine 'incident' is not configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RequestApprovalWithoutApprovalKeys_ErrorNamesTheSetting()
    {
        const string Yaml = "rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: request_approval, notify_provider: log}\n";

        var error = Assert.Throws<RuleLoadException>(() => RuleFileParser.Parse(Yaml, "rules/test.yaml", Context() with { ApprovalKeysConfigured = false }));

        Assert.Contains("rules/test.yaml:4: rule 'r': a request_approval rule needs [server] approval_keys", error.Message, StringComparison.Ordinal);
    }
}
