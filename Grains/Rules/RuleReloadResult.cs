using Acteon.Grains.Rules.Loading;

namespace Acteon.Grains.Rules;

/// <summary>How a reload went: with errors, nothing changed and <see cref="Loaded"/> is 0.</summary>
public sealed record RuleReloadResult(int Loaded, IReadOnlyList<RuleLoadError> Errors);
