using System.Text.Json;

namespace Acteon.Grains.Abstractions.Serialization;

/// <summary>Lets payloads and provider bodies (<see cref="JsonElement"/>) travel in grain calls and state.</summary>
[RegisterConverter]
public sealed class JsonElementConverter : IConverter<JsonElement, JsonElementSurrogate>
{
    public JsonElement ConvertFromSurrogate(in JsonElementSurrogate surrogate)
    {
        if (surrogate.Utf8 is not { Length: > 0 } utf8)
        {
            return default;
        }

        using var document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }

    public JsonElementSurrogate ConvertToSurrogate(in JsonElement value) =>
        new(value.ValueKind == JsonValueKind.Undefined ? [] : JsonSerializer.SerializeToUtf8Bytes(value));
}
