using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Acteon.Silo.Configuration.Toml;

namespace Acteon.TomlTestDecoder;

/// <summary>Encodes a parsed TOML document as toml-test's tagged JSON.</summary>
public static class TomlTaggedJson
{
    private const string DateFormat = "yyyy'-'MM'-'dd";
    private const string TimeFormat = "HH':'mm':'ss.FFFFFFF";
    private const string DateTimeFormat = DateFormat + "'T'" + TimeFormat;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Encode(TomlTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            WriteValue(writer, table);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case TomlTable table:
                writer.WriteStartObject();
                foreach (var (key, item) in table)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case TomlArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                var (type, text) = Tag(value);
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WriteString("value", text);
                writer.WriteEndObject();
                break;
        }
    }

    private static (string Type, string Value) Tag(object value) => value switch
    {
        string text => ("string", text),
        long number => ("integer", number.ToString(CultureInfo.InvariantCulture)),
        double number => ("float", FormatFloat(number)),
        bool flag => ("bool", flag ? "true" : "false"),
        DateTimeOffset instant => ("datetime", FormatOffsetDateTime(instant)),
        DateTime local => ("datetime-local", local.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
        DateOnly date => ("date-local", date.ToString(DateFormat, CultureInfo.InvariantCulture)),
        TimeOnly time => ("time-local", time.ToString(TimeFormat, CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"Unexpected TOML value type {value.GetType()}", nameof(value)),
    };

    private static string FormatFloat(double number) => number switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(number) => "nan",
        _ => number.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string FormatOffsetDateTime(DateTimeOffset instant)
    {
        var text = instant.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        return instant.Offset == TimeSpan.Zero
            ? text + "Z"
            : text + instant.ToString("zzz", CultureInfo.InvariantCulture);
    }
}
