namespace Acteon.Grains.Rules.Loading;

/// <summary>What rule validation checks against: configured providers, chains and approval keys, embeddings, the default time zone, the environment, the state machines (null: not checked).</summary>
public sealed record RuleParseContext(
    Func<string, bool> ProviderExists,
    bool EmbeddingsConfigured,
    TimeZoneInfo DefaultTimeZone,
    IReadOnlyDictionary<string, string> Environment,
    Func<string, bool>? StateMachineExists = null)
{
    /// <summary>Whether <c>[[chains]]</c> defines a chain of that name.</summary>
    public Func<string, bool> ChainExists { get; init; } = static _ => false;

    /// <summary>Whether <c>[server] approval_keys</c> holds a key, without which no approval link can be signed.</summary>
    public bool ApprovalKeysConfigured { get; init; }
}
