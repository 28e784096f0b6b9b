namespace Acteon.Grains.Abstractions.Audit;

/// <summary>Filters of <c>GET /v1/audit</c>; null means "any". Results are newest first.</summary>
public sealed record AuditQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public string? Namespace { get; init; }
    public string? Tenant { get; init; }
    public string? Provider { get; init; }
    public string? ActionType { get; init; }
    public string? Outcome { get; init; }
    public string? Verdict { get; init; }
    public string? MatchedRule { get; init; }
    public string? CallerId { get; init; }
    public string? ChainId { get; init; }

    /// <summary>Inclusive bounds on <c>dispatched_at</c>.</summary>
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>The caller's grants: a record must match one of them; null means every record (an empty list: none).</summary>
    public IReadOnlyList<AuditScope>? Scopes { get; init; }

    public int Limit { get; init; } = DefaultLimit;
    public int Offset { get; init; }
}
