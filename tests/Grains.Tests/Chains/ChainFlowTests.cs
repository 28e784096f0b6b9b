using System.Text.Json;
using Acteon.Grains.Chains;
using Xunit;

namespace Acteon.Grains.Tests.Chains;

public sealed class ChainFlowTests
{
    [Theory]
    [InlineData("body.level", "gt", "2", true)]
    [InlineData("body.level", "lte", "2", false)]
    [InlineData("body.level", "gte", "3", true)]
    [InlineData("body.level", "lt", "\"3\"", false)]
    [InlineData("body.name", "eq", "\"db-7\"", true)]
    [InlineData("body.name", "neq", "\"db-7\"", false)]
    [InlineData("body.name", "contains", "\"db\"", true)]
    [InlineData("body.tags", "contains", "\"red\"", true)]
    [InlineData("body.missing", "neq", "1", true)]
    [InlineData("body.missing", "eq", "1", false)]
    [InlineData("body.name", "exists", null, true)]
    [InlineData("body.missing", "exists", null, false)]
    [InlineData("success", "eq", "true", true)]
    [InlineData("body", "eq", """{"level":3,"name":"db-7","tags":["red"]}""", true)]
    public void Next_Branch_TakenWhenItsComparisonHolds(string field, string op, string? value, bool taken)
    {
        var chain = Chain(new ChainStepDefinition
        {
            Name = "first", Provider = "p", ActionType = "a", PayloadTemplate = Json("{}"),
            Branches = [new ChainBranch { Field = field, Operator = op, Value = value is null ? null : Json(value), Target = "third" }],
        }, Step("second"), Step("third"));

        var next = ChainFlow.Next(chain, 0, success: true, Json("""{"level":3,"name":"db-7","tags":["red"]}"""));

        Assert.Equal(taken ? 2 : 1, next);
    }

    [Fact]
    public void Next_NoBranchHolds_DefaultNextThenTheListThenTheEnd()
    {
        var chain = Chain(Step("a") with { DefaultNext = "c" }, Step("b"), Step("c"));

        Assert.Equal((2, 2, (int?)null), (ChainFlow.Next(chain, 0, true, null), ChainFlow.Next(chain, 1, true, null), ChainFlow.Next(chain, 2, true, null)));
    }

    [Fact]
    public void Check_CycleWithABranchOut_IsFineWithoutOneIsNamed()
    {
        var loopWithExit = Chain(Step("poll") with
        {
            DefaultNext = "poll",
            Branches = [new ChainBranch { Field = "body.done", Operator = "eq", Value = Json("true"), Target = "report" }],
        }, Step("report"));
        var loopWithoutExit = Chain(Step("a"), Step("b") with { DefaultNext = "a" }, Step("c"));

        Assert.Null(ChainFlow.Check(loopWithExit));
        Assert.Equal(0, ChainFlow.Check(loopWithoutExit)!.Value.Step);
        Assert.Contains("cycle with no way out", ChainFlow.Check(loopWithoutExit)!.Value.Problem, StringComparison.Ordinal);
        Assert.Contains("used twice", ChainFlow.Check(Chain(Step("a"), Step("a")))!.Value.Problem, StringComparison.Ordinal);
    }

    private static ChainDefinition Chain(params ChainStepDefinition[] steps) => new() { Name = "c", Steps = steps };

    private static ChainStepDefinition Step(string name) => new() { Name = name, Provider = "p", ActionType = "a", PayloadTemplate = Json("{}") };

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
