namespace Acteon.Grains.Rules.Conditions;

/// <summary><c>in_list</c>: the value equals one of the listed literals.</summary>
internal sealed class InListComparison(RuleValue[] items, string display) : Comparison(display)
{
    public override bool Test(in RuleValue value)
    {
        foreach (var item in items)
        {
            if (value.SameAs(item))
            {
                return true;
            }
        }

        return false;
    }
}
