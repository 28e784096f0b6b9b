namespace Acteon.Grains.Rules.Conditions;

/// <summary><c>starts_with</c> and <c>ends_with</c> (ordinal).</summary>
internal sealed class AffixComparison(string affix, bool atStart, string display) : Comparison(display)
{
    public override bool Test(in RuleValue value) =>
        value.Kind == RuleValueKind.String
        && (atStart ? value.Text!.StartsWith(affix, StringComparison.Ordinal) : value.Text!.EndsWith(affix, StringComparison.Ordinal));
}
