namespace Acteon.Grains.Rules.Loading;

/// <summary>What rule validation checks against: configured providers, embeddings, the default time zone, the environment, the state machines (null: not checked).</summary>
public sealed record RuleParseContext(
    Func<string, bool> ProviderExists,
    bool EmbeddingsConfigured,
    TimeZoneInfo DefaultTimeZone,
    IReadOnlyDictionary<string, string> Environment,
    Func<string, bool>? StateMachineExists = null);
