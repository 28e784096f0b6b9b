namespace Acteon.Grains.Abstractions.Groups;

/// <summary>A page of keys from an index grain and the index's size.</summary>
[GenerateSerializer, Immutable, Alias("acteon.index-page")]
public sealed record IndexPage([property: Id(0)] IReadOnlyList<string> Keys, [property: Id(1)] int Total);
