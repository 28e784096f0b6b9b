using System.Text.Json;
using System.Text.Json.Serialization;

namespace Acteon.Grains.Abstractions;

/// <summary>Writes DateTimeOffset as RFC 3339 UTC with <c>Z</c> (the contract's time format).</summary>
public sealed class UtcTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonTime.TryParse(reader.GetString(), out var value) ? value : throw new JsonException("expected an RFC 3339 date-time");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[JsonTime.MaxLength];
        writer.WriteStringValue(text[..JsonTime.Write(value, text)]);
    }
}
