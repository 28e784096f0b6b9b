namespace Acteon.Grains.Rules.Conditions;

/// <summary><c>eq</c> and <c>ne</c>.</summary>
internal sealed class EqualsComparison(RuleValue literal, bool negate, string display) : Comparison(display)
{
    public override bool Test(in RuleValue value) => value.SameAs(literal) != negate;
}
