namespace Acteon.Grains.Rules;

/// <summary>One rule's part in a playground evaluation: <c>matched</c>, <c>not_matched</c> or <c>skipped</c> and why.</summary>
public sealed record RuleTraceEntry(Rule Rule, bool Enabled, string Result, string? Reason);
