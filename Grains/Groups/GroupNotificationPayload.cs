using System.Text.Json;

namespace Acteon.Grains.Groups;

/// <summary>The payload of a group's summary action (<c>group_notification</c>).</summary>
internal sealed record GroupNotificationPayload
{
    public required string GroupId { get; init; }
    public required string GroupKey { get; init; }
    public required int EventCount { get; init; }
    public required IReadOnlyList<JsonElement> Events { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public required string FlushedAt { get; init; }
}
