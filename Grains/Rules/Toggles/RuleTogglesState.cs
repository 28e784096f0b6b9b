namespace Acteon.Grains.Rules.Toggles;

public sealed record RuleTogglesState
{
    public Dictionary<string, bool> Enabled { get; init; } = new(StringComparer.Ordinal);
}
