namespace Acteon.Grains.Abstractions.Groups;

/// <summary>A flush asked for through the API: the group and how many events its notification carried.</summary>
[GenerateSerializer, Immutable, Alias("acteon.group-flush-result")]
public sealed record GroupFlushResult([property: Id(0)] string GroupId, [property: Id(1)] int EventCount);
