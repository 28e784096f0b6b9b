namespace Acteon.Grains.Abstractions.Serialization;

/// <summary>A JSON value as it crosses a grain call: its UTF-8 text.</summary>
[GenerateSerializer, Immutable, Alias("acteon.json")]
public readonly struct JsonElementSurrogate
{
    [Id(0)] public readonly byte[] Utf8;

    public JsonElementSurrogate(byte[] utf8) => Utf8 = utf8;
}
