namespace Acteon.Grains.Abstractions.Groups;

/// <summary>The group an event joined: its id, size after the add, and when it will be sent.</summary>
[GenerateSerializer, Immutable, Alias("acteon.group-add-result")]
public sealed record GroupAddResult([property: Id(0)] string GroupId, [property: Id(1)] int GroupSize, [property: Id(2)] DateTimeOffset NotifyAt);
