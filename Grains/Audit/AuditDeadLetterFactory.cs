using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Acteon.Grains.Abstractions.Audit;

namespace Acteon.Grains.Audit;

/// <summary>Builds the dead letter of a rejected record: every field a store can hold whatever the record contained.</summary>
internal static class AuditDeadLetterFactory
{
    public static AuditDeadLetter Create(AuditRecord record, string reason, DateTimeOffset failedAt) => new()
    {
        RecordId = Clean(record.Id),
        ActionId = Clean(record.ActionId),
        Namespace = Clean(record.Namespace),
        Tenant = Clean(record.Tenant),
        Provider = Clean(record.Provider),
        ActionType = Clean(record.ActionType),
        Outcome = Clean(record.Outcome),
        DispatchedAt = record.DispatchedAt,
        FailedAt = failedAt,
        Reason = Clean(reason),
        Record = Json(record),
    };

    /// <summary>Lone surrogates and NUL become U+FFFD; other text is kept as it is.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text) || IsClean(text))
        {
            return text ?? "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) || c == '\0' ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    private static bool IsClean(string text) => !text.Contains('\0') && Encoding.UTF8.GetByteCount(text) == Utf8Length(text);

    private static int Utf8Length(string text)
    {
        // Encoding.UTF8 replaces a lone surrogate by U+FFFD (3 bytes), which is the length a valid pair would not have.
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                length += 4;
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return -1;
            }
            else
            {
                length += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }

        return length;
    }

    private static string Json(AuditRecord record)
    {
        try
        {
            return Clean(JsonSerializer.Serialize(record, AuditJsonContext.Default.AuditRecord));
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or ArgumentException)
        {
            // The payload or details hold text a serializer refuses: they are kept as strings of their raw JSON text.
            var safe = record with
            {
                Id = Clean(record.Id), ActionId = Clean(record.ActionId), ChainId = Clean(record.ChainId), Namespace = Clean(record.Namespace),
                Tenant = Clean(record.Tenant), Provider = Clean(record.Provider), ActionType = Clean(record.ActionType),
                Verdict = Clean(record.Verdict), MatchedRule = Clean(record.MatchedRule), Outcome = Clean(record.Outcome),
                CallerId = Clean(record.CallerId), AuthMethod = Clean(record.AuthMethod),
                Metadata = record.Metadata.ToDictionary(kv => Clean(kv.Key), kv => Clean(kv.Value), StringComparer.Ordinal),
                ActionPayload = Raw(record.ActionPayload),
                OutcomeDetails = Raw(record.OutcomeDetails),
            };
            return JsonSerializer.Serialize(safe, AuditJsonContext.Default.AuditRecord);
        }
    }

    private static JsonElement? Raw(JsonElement? element)
    {
        if (element is not { } value)
        {
            return null;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(Clean(Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value))));
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
