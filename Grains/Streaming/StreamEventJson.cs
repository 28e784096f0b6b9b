using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
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
                Sanitised(outcome).WriteTo(writer);
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
    private static JsonNode Sanitised(Abstractions.Outcomes.DispatchOutcome outcome)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            OutcomeJson.Write(writer, outcome, includeResponseBody: false);
        }

        var node = JsonNode.Parse(buffer.WrittenSpan)!;
        Scrub(node);
        return node;
    }

    internal static void Scrub(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Scrub(item);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            if (name is "response" && obj[name] is JsonObject response)
            {
                response["body"] = null;
                response.Remove("headers");
            }
            else if (name.EndsWith("_url", StringComparison.Ordinal) && obj[name] is JsonValue)
            {
                obj[name] = Redacted;
            }
            else
            {
                Scrub(obj[name]);
            }
        }
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
