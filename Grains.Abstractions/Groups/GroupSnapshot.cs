using System.Text.Json;

namespace Acteon.Grains.Abstractions.Groups;

/// <summary>A group as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("acteon.group-snapshot")]
public sealed record GroupSnapshot
{
    public const string Pending = "pending";
    public const string Notified = "notified";

    [Id(0)] public required string GroupId { get; init; }
    [Id(1)] public required string GroupKey { get; init; }
    [Id(2)] public required int EventCount { get; init; }

    /// <summary><see cref="Pending"/> or <see cref="Notified"/>.</summary>
    [Id(3)] public required string State { get; init; }

    [Id(4)] public required DateTimeOffset NotifyAt { get; init; }
    [Id(5)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public required IReadOnlyDictionary<string, string> Labels { get; init; }
    [Id(7)] public required IReadOnlyList<JsonElement> Events { get; init; }
}
