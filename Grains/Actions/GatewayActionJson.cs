using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Actions;

/// <summary>Writes an action in its wire shape (the dispatch request's fields, with id and created_at filled in).</summary>
public static class GatewayActionJson
{
    public static void Write(Utf8JsonWriter writer, GatewayAction action)
    {
        writer.WriteStartObject();
        writer.WriteString("id", action.Id);
        writer.WriteString("namespace", action.Namespace);
        writer.WriteString("tenant", action.Tenant);
        writer.WriteString("provider", action.Provider);
        writer.WriteString("action_type", action.ActionType);
        writer.WritePropertyName("payload");
        action.Payload.WriteTo(writer);
        WriteOptional(writer, "dedup_key", action.DedupKey);
        writer.WriteStartObject("metadata");
        writer.WriteStartObject("labels");
        foreach (var (key, value) in action.Labels)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        WriteOptional(writer, "status", action.Status);
        WriteOptional(writer, "fingerprint", action.Fingerprint);
        WriteTime(writer, "starts_at", action.StartsAt);
        WriteTime(writer, "ends_at", action.EndsAt);
        WriteTime(writer, "created_at", action.CreatedAt);
        writer.WriteEndObject();
    }

    public static byte[] ToUtf8(GatewayAction action)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, action);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, JsonTime.Format(time));
        }
    }
}
