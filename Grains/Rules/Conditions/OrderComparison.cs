namespace Acteon.Grains.Rules.Conditions;

/// <summary><c>gt lt gte lte</c>: numbers with numbers, strings with strings (ordinal).</summary>
internal sealed class OrderComparison(RuleValue literal, string op, string display) : Comparison(display)
{
    public override bool Test(in RuleValue value)
    {
        int order;
        if (value.Kind == RuleValueKind.Number && literal.Kind == RuleValueKind.Number)
        {
            order = value.Number.CompareTo(literal.Number);
        }
        else if (value.Kind == RuleValueKind.String && literal.Kind == RuleValueKind.String)
        {
            order = string.CompareOrdinal(value.Text, literal.Text);
        }
        else
        {
            return false;
        }

        return op switch
        {
            "gt" => order > 0,
            "lt" => order < 0,
            "gte" => order >= 0,
            _ => order <= 0,
        };
    }
}
