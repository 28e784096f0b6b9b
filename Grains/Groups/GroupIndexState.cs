namespace Acteon.Grains.Groups;

[GenerateSerializer, Alias("acteon.group-index-state")]
public sealed record GroupIndexState
{
    [Id(0)] public HashSet<string> Keys { get; init; } = new(StringComparer.Ordinal);
}
