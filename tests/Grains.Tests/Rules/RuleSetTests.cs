using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Actions;
using Acteon.Grains.Rules.Loading;
using Xunit;
using static Acteon.Grains.Tests.Rules.RuleTestKit;

namespace Acteon.Grains.Tests.Rules;

public sealed class RuleSetTests
{
    private const string Three = """
        rules:
          - name: late
            priority: 30
            condition: {field: action.action_type, eq: alert}
            action: {type: allow}
          - name: early
            priority: 5
            condition: {field: action.action_type, eq: alert}
            action: {type: suppress}
          - name: disabled
            priority: 1
            enabled: false
            condition: {field: action.action_type, eq: alert}
            action: {type: deny}
        """;

    [Fact]
    public void Evaluate_LowestPriorityFirst_FirstMatchWins_DisabledSkipped()
    {
        var rules = Load(Three);

        Assert.Equal(["disabled", "early", "late"], rules.Rules.Select(r => r.Name));
        Assert.Equal("early", Match(rules, Action(actionType: "alert")));
        Assert.Null(Match(rules, Action(actionType: "other")));
    }

    [Fact]
    public void Toggles_OverrideTheFile()
    {
        var rules = Load(Three).WithToggles(new Dictionary<string, bool> { ["disabled"] = true, ["early"] = false });

        Assert.Equal("disabled", Match(rules, Action(actionType: "alert")));
        Assert.IsType<DenyAction>(rules.Find("disabled")!.Action);
    }

    [Fact]
    public async Task Trace_ShowsEveryRuleAndWhy()
    {
        var rules = Load(Three);
        var (match, trace) = await rules.TraceAsync(new EvaluationContext(Action(actionType: "alert"), Noon, Context().Environment, null), false, false);

        Assert.Equal("early", match.RuleName);
        Assert.Equal(
            [("disabled", "skipped", "disabled"), ("early", "matched", null), ("late", "skipped", "earlier_rule_matched")],
            trace.Select(t => (t.Rule.Name, t.Result, t.Reason)));
    }

    [Fact]
    public async Task Trace_EvaluateAllAndIncludeDisabled()
    {
        var rules = Load(Three);
        var (match, trace) = await rules.TraceAsync(new EvaluationContext(Action(actionType: "alert"), Noon, Context().Environment, null), true, true);

        Assert.Equal("early", match.RuleName);
        Assert.All(trace, t => Assert.Equal("matched", t.Result));
    }

    [Fact]
    public void Actions_ParseWithTheirFields()
    {
        var rules = Load("""
            rules:
              - {name: a, condition: {field: action.id, eq: x}, action: {type: deduplicate, ttl_seconds: 60}}
              - {name: b, condition: {field: action.id, eq: x}, action: {type: throttle, max_count: 3, window_seconds: 10}}
              - {name: c, condition: {field: action.id, eq: x}, action: {type: reroute, target_provider: sms}}
              - {name: d, condition: {field: action.id, eq: x}, action: {type: modify, changes: {a: null, b: {c: 1}}}}
              - {name: e, condition: {field: action.id, eq: x}, action: {type: schedule, delay_seconds: 604800}}
              - {name: f, condition: {field: action.id, eq: x}, action: {type: group, group_by: [payload.service]}}
              - {name: g, condition: {field: action.id, eq: x}, action: {type: state_machine, state_machine: alert}}
            """);
        var actions = rules.Rules.ToDictionary(r => r.Name, r => r.Action);

        Assert.Equal(new DeduplicateAction(TimeSpan.FromSeconds(60)), actions["a"]);
        Assert.Equal(new ThrottleAction(3, TimeSpan.FromSeconds(10)), actions["b"]);
        Assert.Equal(new RerouteAction("sms"), actions["c"]);
        Assert.Equal("""{"a":null,"b":{"c":1}}""", ((ModifyAction)actions["d"]).Changes.GetRawText());
        Assert.Equal(new ScheduleAction(TimeSpan.FromDays(7)), actions["e"]);
        Assert.Equal(TimeSpan.FromSeconds(30), ((GroupAction)actions["f"]).GroupWait);
        Assert.Equal("alert", ((StateMachineAction)actions["g"]).StateMachine);
        Assert.Empty(((StateMachineAction)actions["g"]).FingerprintFields.Paths);
    }

    [Fact]
    public void DirectoryLoader_DuplicateNamesAcrossFiles_AreReported()
    {
        var directory = Directory.CreateTempSubdirectory("rules").FullName;
        File.WriteAllText(Path.Combine(directory, "a.yaml"), "rules:\n  - {name: same, condition: {field: action.id, eq: x}, action: {type: allow}}\n");
        File.WriteAllText(Path.Combine(directory, "b.yml"), "rules:\n  - {name: same, condition: {field: action.id, eq: y}, action: {type: allow}}\n");
        File.WriteAllText(Path.Combine(directory, "ignored.txt"), "not yaml: [");

        var (rules, errors) = RuleDirectoryLoader.Load(directory, Context());

        Assert.Single(rules);
        var error = Assert.Single(errors);
        Assert.Contains("rule 'same' is already defined at", error.Message, StringComparison.Ordinal);
    }
}
