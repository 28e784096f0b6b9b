using System.Text.Json;
using System.Text.RegularExpressions;
using Acteon.Grains.Rules.Conditions;
using Acteon.Grains.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace Acteon.Grains.Rules.Loading;

/// <summary>Compiles one operator and its literal, refusing pairings that can never match (a type error seen at load).</summary>
internal static class ComparisonParser
{
    public static readonly string[] Operators = ["eq", "ne", "gt", "lt", "gte", "lte", "contains", "starts_with", "ends_with", "matches", "in_list"];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static Comparison Parse(string op, YamlNode node, FieldAccessor field)
    {
        var line = YamlNodes.Line(node);
        var literal = RuleValue.Of(YamlNodes.ToElement(node));
        var display = $"{op} {literal}";
        switch (op)
        {
            case "eq" or "ne":
                CheckKind(field, literal, line, op);
                return new EqualsComparison(literal, op == "ne", display);
            case "gt" or "lt" or "gte" or "lte":
                if (literal.Kind is not (RuleValueKind.Number or RuleValueKind.String))
                {
                    throw new RuleSyntaxException(line, $"'{op}' compares with a number or a string, not {literal}");
                }

                CheckKind(field, literal, line, op);
                return new OrderComparison(literal, op, display);
            case "contains":
                if (field.Type == FieldType.Number)
                {
                    throw new RuleSyntaxException(line, $"'contains' cannot apply to {field.Path}, which is a number");
                }

                return new ContainsComparison(literal, display);
            case "starts_with" or "ends_with":
                return new AffixComparison(StringLiteral(op, literal, field, line), op == "starts_with", display);
            case "matches":
                return new RegexComparison(CompileRegex(StringLiteral(op, literal, field, line), line), display);
            case "in_list":
                if (literal.Kind != RuleValueKind.Json || literal.Json.ValueKind != JsonValueKind.Array)
                {
                    throw new RuleSyntaxException(line, "'in_list' needs a list, e.g. [\"critical\", \"high\"]");
                }

                RuleValue[] items = [.. literal.Json.EnumerateArray().Select(RuleValue.Of)];
                foreach (var item in items)
                {
                    CheckKind(field, item, line, op);
                }

                return new InListComparison(items, display);
            default:
                throw new RuleSyntaxException(line, $"unknown operator '{op}'; use one of {string.Join(", ", Operators)}");
        }
    }

    private static void CheckKind(FieldAccessor field, in RuleValue literal, int line, string op)
    {
        var expected = field.Type switch
        {
            FieldType.Number => RuleValueKind.Number,
            FieldType.String => RuleValueKind.String,
            _ => literal.Kind,
        };
        if (literal.Kind != expected && literal.Kind != RuleValueKind.Null)
        {
            throw new RuleSyntaxException(line, $"'{op} {literal}' can never match: {field.Path} is a {(field.Type == FieldType.Number ? "number" : "string")}");
        }

        if (field.Path == "time.weekday" && literal.Kind == RuleValueKind.String && Array.IndexOf(Weekdays, literal.Text) < 0)
        {
            throw new RuleSyntaxException(line, $"time.weekday is one of {string.Join(", ", Weekdays)}, not {literal}");
        }
    }

    private static string StringLiteral(string op, in RuleValue literal, FieldAccessor field, int line)
    {
        if (field.Type == FieldType.Number)
        {
            throw new RuleSyntaxException(line, $"'{op}' cannot apply to {field.Path}, which is a number");
        }

        return literal.Kind == RuleValueKind.String ? literal.Text! : throw new RuleSyntaxException(line, $"'{op}' needs a string, not {literal}");
    }

    /// <summary>
    /// Non-backtracking (linear time, so no input can stall a dispatch) when the pattern allows it; patterns that need
    /// backtracking (back-references, look-arounds) get a compiled engine with a 1 s match time-out.
    /// </summary>
    private static Regex CompileRegex(string pattern, int line)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return CompileBacktracking(pattern, line);
        }
        catch (ArgumentException error)
        {
            throw new RuleSyntaxException(line, $"invalid regular expression '{pattern}': {error.Message}");
        }
    }

    private static Regex CompileBacktracking(string pattern, int line)
    {
        try
        {
            return new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException error)
        {
            throw new RuleSyntaxException(line, $"invalid regular expression '{pattern}': {error.Message}");
        }
    }
}
