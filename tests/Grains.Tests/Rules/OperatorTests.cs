using Xunit;
using static Acteon.Grains.Tests.Rules.RuleTestKit;

namespace Acteon.Grains.Tests.Rules;

public sealed class OperatorTests
{
    [Theory]
    [InlineData("field: action.payload.severity\neq: high", true)]
    [InlineData("field: action.payload.severity\neq: low", false)]
    [InlineData("field: action.payload.severity\nne: low", true)]
    [InlineData("field: action.payload.severity\nne: high", false)]
    [InlineData("field: action.payload.amount\ngt: 1000", true)]
    [InlineData("field: action.payload.amount\ngt: 1500", false)]
    [InlineData("field: action.payload.amount\ngte: 1500", true)]
    [InlineData("field: action.payload.amount\nlt: 1500.5", true)]
    [InlineData("field: action.payload.amount\nlte: 1499", false)]
    [InlineData("field: action.payload.amount\neq: 1500.0", true)]
    [InlineData("field: action.payload.service\ngt: \"api\"", true)]
    [InlineData("field: action.payload.message\ncontains: pool is exhausted", true)]
    [InlineData("field: action.payload.message\ncontains: Pool", false)]
    [InlineData("field: action.payload.tags\ncontains: urgent", true)]
    [InlineData("field: action.payload.tags\ncontains: calm", false)]
    [InlineData("field: action.payload.message\nstarts_with: The database", true)]
    [InlineData("field: action.payload.message\nends_with: timing out", true)]
    [InlineData("field: action.payload.message\nends_with: timing", false)]
    [InlineData("field: action.payload.message\nmatches: 'pool\\s+is\\s+\\w+'", true)]
    [InlineData("field: action.payload.message\nmatches: '^pool'", false)]
    [InlineData("field: action.payload.severity\nin_list: [critical, high]", true)]
    [InlineData("field: action.payload.severity\nin_list: [critical, low]", false)]
    [InlineData("field: action.payload.ok\neq: true", true)]
    [InlineData("field: action.payload.nothing\neq: null", true)]
    [InlineData("field: action.payload.items.1.sku\neq: B-2", true)]
    [InlineData("field: action.payload.items.5.sku\neq: B-2", false)]
    [InlineData("field: action.payload.items.0\neq: {sku: A-1}", true)]
    [InlineData("field: action.payload.amount\ngt: 1000\nlt: 2000", true)]
    [InlineData("field: action.payload.amount\ngt: 1000\nlt: 1200", false)]
    public void Operator_OnPayload_MatchesAsExpected(string condition, bool expected)
    {
        var rules = Single(condition);
        var action = Action("""
            {"severity":"high","amount":1500,"service":"billing","ok":true,"nothing":null,
             "message":"The database pool is exhausted and queries are timing out",
             "tags":["urgent","db"],"items":[{"sku":"A-1"},{"sku":"B-2"}]}
            """);

        Assert.Equal(expected ? "r" : null, Match(rules, action));
    }

    [Theory]
    [InlineData("field: action.payload.missing\neq: x")]
    [InlineData("field: action.payload.missing\nne: x")]
    [InlineData("field: action.payload.missing\ngt: 3")]
    [InlineData("field: action.payload.a.b.c\neq: 1")]
    [InlineData("field: action.payload.amount.deeper\neq: 1")]
    [InlineData("field: action.metadata.labels.absent\neq: x")]
    [InlineData("field: action.dedup_key\neq: x")]
    [InlineData("field: env.NOT_SET\neq: x")]
    public void MissingField_ComparisonIsFalse_AndNeverThrows(string condition) =>
        Assert.Null(Match(Single(condition), Action("""{"amount": 5}""")));

    [Theory]
    [InlineData("field: action.payload.amount\ngt: 3")]
    [InlineData("field: action.payload.amount\nstarts_with: \"1\"")]
    [InlineData("field: action.payload.amount\nmatches: '\\d+'")]
    public void WrongKindAtRuntime_ComparisonIsFalse(string condition) =>
        Assert.Null(Match(Single(condition), Action("""{"amount": "ten"}""")));

    [Fact]
    public void ActionFieldsLabelsAndEnv_AreReadable()
    {
        var action = Action(actionType: "alert", tenant: "ops-team", labels: new() { ["priority"] = "high" });

        Assert.Equal("r", Match(Single("field: action.action_type\neq: alert"), action));
        Assert.Equal("r", Match(Single("field: action.tenant\nstarts_with: ops"), action));
        Assert.Equal("r", Match(Single("field: action.metadata.labels.priority\neq: high"), action));
        Assert.Equal("r", Match(Single("field: action.metadata.priority\neq: high"), action));
        Assert.Equal("r", Match(Single("field: action.namespace\neq: ns"), action));
        Assert.Equal("r", Match(Single("field: action.created_at\nstarts_with: \"2026-06-15T12:00:00\""), action));
        Assert.Equal("r", Match(Single("field: env.REGION\neq: eu-west-1"), action));
        Assert.Equal("r", Match(Single("field: now\ngt: 1781000000"), action));
    }

    [Fact]
    public void AllAnyNot_NestAndShortCircuit()
    {
        var rules = Single("""
            all:
              - field: action.action_type
                eq: alert
              - any:
                  - field: action.payload.severity
                    eq: critical
                  - not:
                      field: action.payload.acknowledged
                      eq: true
            """);

        Assert.Equal("r", Match(rules, Action("""{"severity":"critical","acknowledged":true}""", "alert")));
        Assert.Equal("r", Match(rules, Action("""{"severity":"low"}""", "alert")));
        Assert.Null(Match(rules, Action("""{"severity":"low","acknowledged":true}""", "alert")));
        Assert.Null(Match(rules, Action("""{"severity":"critical"}""", "other")));
    }

    [Fact]
    public void Not_OfMissingField_IsTrue()
    {
        var rules = Single("not:\n  field: action.payload.force\n  eq: true");

        Assert.Equal("r", Match(rules, Action("{}")));
        Assert.Null(Match(rules, Action("""{"force":true}""")));
    }
}
