namespace Acteon.Grains.Rules;

/// <summary>The rule files are broken at start-up: the gateway does not start on a half-known rule set.</summary>
public sealed class RuleStartupException(string message) : Exception(message);
