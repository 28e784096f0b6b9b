using Acteon.Grains.Rules.Fields;

namespace Acteon.Grains.Rules.Conditions;

/// <summary><c>{field: path, op: value, ...}</c>: every comparison must hold; a missing field makes each false.</summary>
internal sealed class FieldCondition(FieldAccessor accessor, Comparison[] comparisons) : Condition
{
    public override string Display => string.Join(" and ", comparisons.Select(c => $"{accessor.Path} {c.Display}"));

    public override bool Evaluate(EvaluationContext context)
    {
        var value = accessor.Get(context);
        if (value.Kind == RuleValueKind.Missing)
        {
            return false;
        }

        foreach (var comparison in comparisons)
        {
            if (!comparison.Test(value))
            {
                return false;
            }
        }

        return true;
    }
}
