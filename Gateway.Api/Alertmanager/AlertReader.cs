using System.Globalization;
using System.Text.Json;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Silo.Configuration;

namespace Acteon.Gateway.Api.Alertmanager;

/// <summary>
/// Turns one element of Alertmanager's <c>POST /api/v2/alerts</c> list (labels, annotations, startsAt, endsAt,
/// generatorURL) into an action: fingerprint = the label set's, status = resolved once endsAt has passed, else firing.
/// </summary>
public static class AlertReader
{
    private static readonly string[] Fields = ["labels", "annotations", "startsAt", "endsAt", "generatorURL"];

    public static GatewayAction? Read(JsonElement alert, string path, AlertmanagerConfig config, DateTimeOffset now, List<FieldError> errors)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, "must be an alert object"));
            return null;
        }

        var before = errors.Count;
        foreach (var property in alert.EnumerateObject())
        {
            if (Array.IndexOf(Fields, property.Name) < 0)
            {
                errors.Add(new FieldError($"{path}.{property.Name}", $"is not a field of an alert; use {string.Join(", ", Fields)}"));
            }
        }

        var labels = Strings(alert, "labels", path, required: true, errors);
        var annotations = Strings(alert, "annotations", path, required: false, errors);
        var startsAt = Time(alert, "startsAt", path, errors);
        var endsAt = Time(alert, "endsAt", path, errors);
        string? generator = null;
        if (alert.TryGetProperty("generatorURL", out var url))
        {
            generator = url.ValueKind == JsonValueKind.String ? url.GetString() : null;
            if (generator is null)
            {
                errors.Add(new FieldError($"{path}.generatorURL", "must be a string"));
            }
        }

        if (labels is { Count: 0 })
        {
            errors.Add(new FieldError($"{path}.labels", "must have at least one label"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var status = endsAt is { } end && end <= now ? "resolved" : "firing";
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["labels"] = labels,
            ["annotations"] = annotations ?? new Dictionary<string, string>(),
            ["startsAt"] = startsAt is { } s ? JsonTime.Format(s) : null,
            ["endsAt"] = endsAt is { } e ? JsonTime.Format(e) : null,
            ["generatorURL"] = generator,
            ["status"] = status,
        });
        return new GatewayAction
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Namespace = config.Namespace,
            Tenant = config.Tenant,
            Provider = config.Provider,
            ActionType = config.ActionType,
            Payload = payload,
            Labels = labels!,
            Status = status,
            Fingerprint = AlertFingerprint.Of(labels!),
            StartsAt = startsAt,
            EndsAt = endsAt,
            CreatedAt = now,
        };
    }

    private static Dictionary<string, string>? Strings(JsonElement alert, string name, string path, bool required, List<FieldError> errors)
    {
        if (!alert.TryGetProperty(name, out var value))
        {
            if (required)
            {
                errors.Add(new FieldError($"{path}.{name}", "is required (an object of string values)"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError($"{path}.{name}", "must be an object of string values"));
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError($"{path}.{name}.{property.Name}", "must be a string"));
                continue;
            }

            result[property.Name] = property.Value.GetString()!;
        }

        return result;
    }

    private static DateTimeOffset? Time(JsonElement alert, string name, string path, List<FieldError> errors)
    {
        if (!alert.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Alertmanager reads the zero time (0001-01-01T00:00:00Z) as "not set".
        if (value.ValueKind == JsonValueKind.String && JsonTime.TryParse(value.GetString(), out var time))
        {
            return time.Year == 1 ? null : time;
        }

        errors.Add(new FieldError($"{path}.{name}", string.Create(CultureInfo.InvariantCulture, $"must be an RFC 3339 date-time, not {value.GetRawText()}")));
        return null;
    }
}
