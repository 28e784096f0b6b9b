namespace Acteon.Gateway.Api.OpenApi;

/// <summary>A dispatch outcome: <c>outcome</c> names it, the other members depend on it (api-contract.md).</summary>
public sealed record OutcomeSchema(
    string Outcome, string? ActionId, ProviderResponseSchema? Response, string? DedupKey, FailureSchema? Error,
    string? Verdict, string? MatchedRule, string? WouldBeProvider);
