using System.Text.Json;

namespace Acteon.Grains.Abstractions.Actions;

/// <summary>An action a caller asks the gateway to carry out (the body of <c>POST /v1/dispatch</c>).</summary>
public sealed record GatewayAction
{
    public required string Id { get; init; }
    public required string Namespace { get; init; }
    public required string Tenant { get; init; }
    public required string Provider { get; init; }
    public required string ActionType { get; init; }

    /// <summary>The payload, always a JSON object.</summary>
    public required JsonElement Payload { get; init; }

    public string? DedupKey { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels;
    public string? Status { get; init; }
    public string? Fingerprint { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();
}
