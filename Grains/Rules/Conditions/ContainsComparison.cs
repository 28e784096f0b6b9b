using System.Text.Json;

namespace Acteon.Grains.Rules.Conditions;

/// <summary><c>contains</c>: a substring of a string, or an element of an array.</summary>
internal sealed class ContainsComparison(RuleValue literal, string display) : Comparison(display)
{
    public override bool Test(in RuleValue value)
    {
        if (value.Kind == RuleValueKind.String)
        {
            return literal.Kind == RuleValueKind.String && value.Text!.Contains(literal.Text!, StringComparison.Ordinal);
        }

        if (value.Kind == RuleValueKind.Json && value.Json.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in value.Json.EnumerateArray())
            {
                if (RuleValue.Of(element).SameAs(literal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
