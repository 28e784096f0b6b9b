using System.Text.RegularExpressions;

namespace Acteon.Grains.Rules.Conditions;

/// <summary><c>matches</c>: a regular expression compiled once at load (linear-time where the pattern allows).</summary>
internal sealed class RegexComparison(Regex regex, string display) : Comparison(display)
{
    public override bool Test(in RuleValue value)
    {
        if (value.Kind != RuleValueKind.String)
        {
            return false;
        }

        try
        {
            return regex.IsMatch(value.Text!);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input does not hold up the dispatch: it simply does not match.
            return false;
        }
    }
}
