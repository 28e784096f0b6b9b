namespace Acteon.Grains.Rules.Loading;

/// <summary>One file that could not be loaded, as <c>POST /v1/rules/reload</c> reports it.</summary>
public sealed record RuleLoadError(string File, string Message);
