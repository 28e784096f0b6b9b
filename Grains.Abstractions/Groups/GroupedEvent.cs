using System.Text.Json;

namespace Acteon.Grains.Abstractions.Groups;

/// <summary>One action held by a group.</summary>
[GenerateSerializer, Immutable, Alias("acteon.grouped-event")]
public sealed record GroupedEvent
{
    [Id(0)] public required string ActionId { get; init; }
    [Id(1)] public string? Fingerprint { get; init; }
    [Id(2)] public string? Status { get; init; }
    [Id(3)] public required JsonElement Payload { get; init; }
    [Id(4)] public required DateTimeOffset ReceivedAt { get; init; }
}
