namespace Acteon.Grains.Abstractions.Groups;

/// <summary>What a group is created with (the rule's timing is captured once, when the group starts).</summary>
[GenerateSerializer, Immutable, Alias("acteon.group-settings")]
public sealed record GroupSettings
{
    [Id(0)] public required string Namespace { get; init; }
    [Id(1)] public required string Tenant { get; init; }
    [Id(2)] public required string GroupKey { get; init; }

    /// <summary>Where the summary goes: the rule's notify_provider, else the first event's provider.</summary>
    [Id(3)] public required string Provider { get; init; }

    [Id(4)] public required IReadOnlyDictionary<string, string> Labels { get; init; }
    [Id(5)] public required TimeSpan GroupWait { get; init; }
    [Id(6)] public required TimeSpan GroupInterval { get; init; }

    /// <summary>Null: the group ends with its first flush; set: it is re-sent this often while it lives.</summary>
    [Id(7)] public TimeSpan? RepeatInterval { get; init; }

    [Id(8)] public required int MaxGroupSize { get; init; }
}
