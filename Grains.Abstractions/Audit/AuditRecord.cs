using System.Text.Json;

namespace Acteon.Grains.Abstractions.Audit;

/// <summary>One decision of the gateway, as kept in the audit trail.</summary>
public sealed record AuditRecord
{
    public required string Id { get; init; }
    public required string ActionId { get; init; }
    public string? ChainId { get; init; }
    public required string Namespace { get; init; }
    public required string Tenant { get; init; }
    public required string Provider { get; init; }
    public required string ActionType { get; init; }
    public required string Verdict { get; init; }
    public string? MatchedRule { get; init; }
    public required string Outcome { get; init; }
    public JsonElement? ActionPayload { get; init; }
    public JsonElement? OutcomeDetails { get; init; }
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    public required DateTimeOffset DispatchedAt { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public long DurationMs { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public string CallerId { get; init; } = "";
    public string AuthMethod { get; init; } = "anonymous";
}
