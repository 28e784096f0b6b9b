using Acteon.Grains.Rules;
using Xunit;
using static Acteon.Grains.Tests.Rules.RuleTestKit;

namespace Acteon.Grains.Tests.Rules;

/// <summary>Payload values read once per evaluation are reused by later rules without changing any result.</summary>
public sealed class PayloadMemoTests
{
    [Fact]
    public async Task Evaluate_ManyRulesOnMoreDistinctPathsThanTheMemoHolds_SameResultEveryTime()
    {
        var rules = string.Concat(Enumerable.Range(0, 12).Select(i => $"""
              - name: r{i}
                priority: {i}
                condition: {"{"}all: [{"{"}field: action.payload.p{i}, eq: v{i}{"}"}, {"{"}field: action.payload.p{i}, ne: v{i}{"}"}]{"}"}
                action: {"{"}type: suppress{"}"}

            """));
        var set = Load($"""
            rules:
            {rules}  - name: last
                priority: 99
                condition: {"{"}all: [{"{"}field: action.payload.p11, eq: v11{"}"}, {"{"}field: action.payload.p0, eq: v0{"}"}]{"}"}
                action: {"{"}type: deny{"}"}
            """);
        var payload = "{" + string.Join(",", Enumerable.Range(0, 12).Select(i => $"\"p{i}\":\"v{i}\"")) + "}";
        var context = new EvaluationContext(Action(payload), Noon, Context().Environment, null);

        var first = await set.EvaluateAsync(context);
        var second = await set.EvaluateAsync(context);
        var (traced, _) = await set.TraceAsync(context, false, true);

        Assert.Equal("last", first.RuleName);
        Assert.Equal("last", second.RuleName);
        Assert.Equal("last", traced.RuleName);
    }
}
