namespace Acteon.Grains.Rules.Toggles;

[GenerateSerializer, Alias("acteon.rule-toggles-state")]
public sealed record RuleTogglesState
{
    [Id(0)] public Dictionary<string, bool> Enabled { get; init; } = new(StringComparer.Ordinal);
}
