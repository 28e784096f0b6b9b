namespace Acteon.Grains.Rules.Loading;

/// <summary>A problem at one line of a rule; the file parser adds the file and rule name.</summary>
internal sealed class RuleSyntaxException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
