using System.Buffers;
using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Dispatch;

namespace Acteon.Grains.Streaming;

/// <summary>
/// The SSE <c>data:</c> JSON of an event, <c>{"id","timestamp","type",...its members,"namespace","tenant","action_type"?,
/// "action_id"?}</c>, sanitised: every provider response body is null and approval URLs are <c>[redacted]</c>.
/// </summary>
public static class StreamEventJson
{
    public const string Redacted = "[redacted]";

    public static StreamEntry Render(StreamEvent e, string id, DateTimeOffset timestamp)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("timestamp", JsonTime.Format(timestamp));
            writer.WriteString("type", e.Type);
            if (e.Outcome is { } outcome)
            {
                writer.WritePropertyName("outcome");
                WriteSanitised(writer, outcome);
            }

            if (e.Provider is { } provider)
            {
                writer.WriteString("provider", provider);
            }

            foreach (var (name, value) in e.Fields)
            {
                WriteField(writer, name, value);
            }

            writer.WriteString("namespace", e.Namespace);
            writer.WriteString("tenant", e.Tenant);
            if (e.ActionType is { } actionType)
            {
                writer.WriteString("action_type", actionType);
            }

            if (e.ActionId is { } actionId)
            {
                writer.WriteString("action_id", actionId);
            }

            writer.WriteEndObject();
        }

        var json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        return new StreamEntry(id, e.Type, e.Namespace, e.Tenant, e.ActionType, e.Outcome?.Name, json);
    }

    /// <summary>An entry another node rendered: its filter members are read back from its JSON.</summary>
    public static StreamEntry Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return new StreamEntry(
            root.GetProperty("id").GetString()!,
            root.GetProperty("type").GetString()!,
            root.GetProperty("namespace").GetString()!,
            root.GetProperty("tenant").GetString()!,
            root.TryGetProperty("action_type", out var actionType) ? actionType.GetString() : null,
            root.TryGetProperty("outcome", out var outcome) ? outcome.GetProperty("outcome").GetString() : null,
            json);
    }

    /// <summary>The outcome in its contract shape, with what must not leave the gateway taken out, whatever the outcome's type.</summary>
    private static void WriteSanitised(Utf8JsonWriter writer, Abstractions.Outcomes.DispatchOutcome outcome)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var outcomeWriter = new Utf8JsonWriter(buffer))
        {
            OutcomeJson.Write(outcomeWriter, outcome, includeResponseBody: false);
        }

        WriteScrubbed(buffer.WrittenSpan, writer);
    }

    /// <summary>
    /// Copies <paramref name="json"/> to <paramref name="writer"/> token by token, at any depth: a <c>response</c>
    /// object gets <c>"body": null</c> and loses its <c>headers</c>; a scalar (not null) member whose name ends in <c>_url</c>
    /// becomes <c>"[redacted]"</c>.
    /// </summary>
    internal static void WriteScrubbed(ReadOnlySpan<byte> json, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Copy(ref reader, writer, scrub: true);
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer, bool scrub)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (scrub && name == "response" && reader.TokenType == JsonTokenType.StartObject)
                    {
                        writer.WritePropertyName(name);
                        CopyResponse(ref reader, writer);
                    }
                    else if (scrub && name.EndsWith("_url", StringComparison.Ordinal) && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null))
                    {
                        writer.WriteString(name, Redacted);
                    }
                    else
                    {
                        writer.WritePropertyName(name);
                        Copy(ref reader, writer, scrub);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Copy(ref reader, writer, scrub);
                }

                writer.WriteEndArray();
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                writer.WriteBooleanValue(reader.GetBoolean());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>A provider response: its members as they are, but <c>body</c> null (added when absent) and no <c>headers</c>.</summary>
    private static void CopyResponse(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        var body = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name is "body" or "headers")
            {
                reader.Skip();
                if (name == "body")
                {
                    writer.WriteNull(name);
                    body = true;
                }
            }
            else
            {
                writer.WritePropertyName(name);
                Copy(ref reader, writer, scrub: false);
            }
        }

        if (!body)
        {
            writer.WriteNull("body");
        }

        writer.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteNumber(name, l);
                break;
            case DateTimeOffset at:
                writer.WriteString(name, JsonTime.Format(at));
                break;
            default:
                throw new ArgumentException($"stream event member '{name}' has a value of type {value.GetType().Name}; use a string, number, boolean or null", nameof(value));
        }
    }
}
