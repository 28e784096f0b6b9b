namespace Acteon.Grains.Rules;

/// <summary>A rule matched whose action needs a part of the gateway that does not exist yet.</summary>
public sealed class RuleActionNotSupportedException(string rule, string verdict)
    : Exception($"rule '{rule}' matched with action '{verdict}', which this gateway does not support yet; disable the rule or change its action")
{
    public string Rule { get; } = rule;
}
