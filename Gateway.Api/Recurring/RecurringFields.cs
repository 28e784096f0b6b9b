using System.Text.Json;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Abstractions;

namespace Acteon.Gateway.Api.Recurring;

/// <summary>Typed reads of one field of a recurring action's JSON body; each problem is a <see cref="FieldError"/> with its path.</summary>
internal readonly struct RecurringFields(JsonElement body, List<FieldError> errors)
{
    private const int MaxNameLength = 256;

    public bool Has(string field) => body.TryGetProperty(field, out _);

    public bool IsNull(string field) => body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Null;

    /// <summary>A required (or, when present, non-empty) short name: no control characters, at most 256 long.</summary>
    public string? Name(string field, bool required)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError($"$.{field}", "is required"));
            }

            return null;
        }

        var text = String(field, value);
        if (text is not null && (string.IsNullOrWhiteSpace(text) || text.Length > MaxNameLength || text.Any(char.IsControl)))
        {
            errors.Add(new FieldError($"$.{field}", $"must be a non-empty string of at most {MaxNameLength} characters without control characters"));
            return null;
        }

        return text;
    }

    public string? OptionalString(string field) =>
        body.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? String(field, value) : null;

    public JsonElement? Payload(bool required)
    {
        if (!body.TryGetProperty("payload", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError("$.payload", "is required (a JSON object)"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$.payload", $"must be a JSON object, not {Kind(value)}"));
            return null;
        }

        return value.Clone();
    }

    public DateTimeOffset? Time(string field)
    {
        if (OptionalString(field) is not { } text)
        {
            return null;
        }

        if (!JsonTime.TryParse(text, out var time))
        {
            errors.Add(new FieldError($"$.{field}", $"must be an RFC 3339 date-time (2026-02-10T14:00:00Z), not '{text}'"));
            return null;
        }

        return time;
    }

    public long? PositiveInteger(string field)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n) || n < 1)
        {
            errors.Add(new FieldError($"$.{field}", $"must be a positive integer, not {value.GetRawText()}"));
            return null;
        }

        return n;
    }

    /// <summary>Fields outside <paramref name="known"/> are errors: nothing is accepted and ignored.</summary>
    public void RejectUnknown(string[] known)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                errors.Add(new FieldError($"$.{property.Name}", $"is not a field of a recurring action; known fields are {string.Join(", ", known)}"));
            }
        }
    }

    private string? String(string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError($"$.{field}", $"must be a string, not {Kind(value)}"));
            return null;
        }

        return value.GetString();
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
