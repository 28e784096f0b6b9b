using System.Text.Json;

namespace Acteon.Grains.Abstractions.Actions;

/// <summary>An action a caller asks the gateway to carry out (the body of <c>POST /v1/dispatch</c>).</summary>
/// <remarks>Immutable: grain calls on one silo pass it by reference instead of copying it.</remarks>
[GenerateSerializer, Immutable, Alias("acteon.action")]
public sealed record GatewayAction
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Namespace { get; init; }
    [Id(2)] public required string Tenant { get; init; }
    [Id(3)] public required string Provider { get; init; }
    [Id(4)] public required string ActionType { get; init; }

    /// <summary>The payload, always a JSON object.</summary>
    [Id(5)] public required JsonElement Payload { get; init; }

    [Id(6)] public string? DedupKey { get; init; }
    [Id(7)] public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels;
    [Id(8)] public string? Status { get; init; }
    [Id(9)] public string? Fingerprint { get; init; }
    [Id(10)] public DateTimeOffset? StartsAt { get; init; }
    [Id(11)] public DateTimeOffset? EndsAt { get; init; }
    [Id(12)] public required DateTimeOffset CreatedAt { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();
}
