using System.Text.Json;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Gateway.Api.Dispatch;

/// <summary>Validates one action of a request body; every bad field is reported with its JSON path.</summary>
public sealed class ActionReader([FromKeyedServices(GatewayClock.Key)] TimeProvider time)
{
    public const int MaxNameLength = 256;
    public const int MaxIdLength = 256;
    public const int MaxKeyLength = 1024;
    public const int MaxLabelKeyLength = 256;
    public const int MaxLabelValueLength = 4096;
    public const int MaxLabels = 100;

    public GatewayAction? Read(JsonElement element, string path, List<FieldError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, "must be a JSON object (an action)"));
            return null;
        }

        var before = errors.Count;
        if (!JsonText.Check(element, path, errors))
        {
            return null;
        }

        var ns = Name(element, path, "namespace", errors);
        var tenant = Name(element, path, "tenant", errors);
        var provider = Name(element, path, "provider", errors);
        var actionType = Name(element, path, "action_type", errors);
        var payload = Payload(element, path, errors);
        var id = OptionalString(element, path, "id", MaxIdLength, errors);
        var dedupKey = OptionalString(element, path, "dedup_key", MaxKeyLength, errors);
        var status = OptionalString(element, path, "status", MaxNameLength, errors);
        var fingerprint = OptionalString(element, path, "fingerprint", MaxKeyLength, errors);
        var labels = Labels(element, path, errors);
        var startsAt = OptionalTime(element, path, "starts_at", errors);
        var endsAt = OptionalTime(element, path, "ends_at", errors);
        var createdAt = OptionalTime(element, path, "created_at", errors);
        if (startsAt is { } s && endsAt is { } e && e < s)
        {
            errors.Add(new FieldError($"{path}.ends_at", "must not be before starts_at"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return new GatewayAction
        {
            Id = id ?? Guid.CreateVersion7(now).ToString(),
            Namespace = ns!,
            Tenant = tenant!,
            Provider = provider!,
            ActionType = actionType!,
            Payload = payload,
            DedupKey = dedupKey,
            Labels = labels,
            Status = status,
            Fingerprint = fingerprint,
            StartsAt = startsAt,
            EndsAt = endsAt,
            CreatedAt = createdAt ?? now,
        };
    }

    private static string? Name(JsonElement element, string path, string field, List<FieldError> errors)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError($"{path}.{field}", "is required"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError($"{path}.{field}", $"must be a string, not {Kind(value)}"));
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxNameLength || text.Any(char.IsControl))
        {
            errors.Add(new FieldError($"{path}.{field}", $"must be a non-empty string of at most {MaxNameLength} printable characters"));
            return null;
        }

        return text;
    }

    private static JsonElement Payload(JsonElement element, string path, List<FieldError> errors)
    {
        if (!element.TryGetProperty("payload", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError($"{path}.payload", "is required (a JSON object)"));
        }
        else if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError($"{path}.payload", $"must be a JSON object, not {Kind(value)}"));
        }

        return value.ValueKind == JsonValueKind.Object ? value.Clone() : default;
    }

    private static string? OptionalString(JsonElement element, string path, string field, int maxLength, List<FieldError> errors)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            errors.Add(new FieldError($"{path}.{field}", value.ValueKind == JsonValueKind.String ? "must not be empty" : $"must be a string, not {Kind(value)}"));
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(new FieldError($"{path}.{field}", TooLong(text.Length, maxLength)));
            return null;
        }

        return text;
    }

    private static DateTimeOffset? OptionalTime(JsonElement element, string path, string field, List<FieldError> errors)
    {
        var before = errors.Count;
        var text = OptionalString(element, path, field, 64, errors);
        if (text is null || errors.Count > before)
        {
            return null;
        }

        if (!JsonTime.TryParse(text, out var value))
        {
            errors.Add(new FieldError($"{path}.{field}", $"must be an RFC 3339 date-time such as 2026-01-15T10:00:00Z, not '{text}'"));
            return null;
        }

        return value;
    }

    /// <summary><c>metadata.labels</c> (string → string); flat string entries of <c>metadata</c> count as labels too.</summary>
    private static Dictionary<string, string> Labels(JsonElement element, string path, List<FieldError> errors)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty("metadata", out var metadata) || metadata.ValueKind == JsonValueKind.Null)
        {
            return labels;
        }

        if (metadata.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError($"{path}.metadata", $"must be an object, not {Kind(metadata)}"));
            return labels;
        }

        foreach (var entry in metadata.EnumerateObject())
        {
            if (entry.Name == "labels" && entry.Value.ValueKind is JsonValueKind.Object)
            {
                foreach (var label in entry.Value.EnumerateObject())
                {
                    AddLabel(labels, label, $"{path}.metadata.labels.{label.Name}", errors);
                }
            }
            else if (entry.Name != "labels" || entry.Value.ValueKind != JsonValueKind.Null)
            {
                AddLabel(labels, entry, $"{path}.metadata.{entry.Name}", errors);
            }
        }

        return labels;
    }

    private static void AddLabel(Dictionary<string, string> labels, JsonProperty label, string path, List<FieldError> errors)
    {
        if (label.Value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(path, $"must be a string, not {Kind(label.Value)}"));
        }
        else if (label.Name.Length is 0 or > MaxLabelKeyLength)
        {
            errors.Add(new FieldError(path, $"label keys must be 1 to {MaxLabelKeyLength} characters"));
        }
        else if (label.Value.GetString() is { Length: > MaxLabelValueLength } value)
        {
            errors.Add(new FieldError(path, TooLong(value.Length, MaxLabelValueLength)));
        }
        else if (labels.Count >= MaxLabels && !labels.ContainsKey(label.Name))
        {
            errors.Add(new FieldError(path, $"is one label too many: an action has at most {MaxLabels} labels"));
        }
        else
        {
            labels[label.Name] = label.Value.GetString()!;
        }
    }

    private static string TooLong(int length, int max) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is {length} characters long; the limit is {max}");

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
