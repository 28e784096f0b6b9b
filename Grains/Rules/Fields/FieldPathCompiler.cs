using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Rules.Fields;

/// <summary>Compiles a dotted field path once, at load time; an unknown root or member is a load error.</summary>
public static class FieldPathCompiler
{
    private static readonly Dictionary<string, Func<GatewayAction, string?>> ActionFields = new(StringComparer.Ordinal)
    {
        ["id"] = a => a.Id,
        ["namespace"] = a => a.Namespace,
        ["tenant"] = a => a.Tenant,
        ["provider"] = a => a.Provider,
        ["action_type"] = a => a.ActionType,
        ["dedup_key"] = a => a.DedupKey,
        ["status"] = a => a.Status,
        ["fingerprint"] = a => a.Fingerprint,
        ["created_at"] = a => JsonTime.Format(a.CreatedAt),
        ["starts_at"] = a => a.StartsAt is { } t ? JsonTime.Format(t) : null,
        ["ends_at"] = a => a.EndsAt is { } t ? JsonTime.Format(t) : null,
    };

    /// <exception cref="FormatException">The path names nothing a rule can read; the message says what can.</exception>
    public static FieldAccessor Compile(string path, TimeZoneInfo zone)
    {
        var segments = path.Split('.');
        if (segments.Any(string.IsNullOrEmpty))
        {
            throw new FormatException($"field path '{path}' has an empty segment");
        }

        return segments[0] switch
        {
            "action" when segments.Length >= 3 && segments[1] == "payload" => new PayloadFieldAccessor(path, segments[2..]),
            "action" when segments.Length == 4 && segments[1] == "metadata" && segments[2] == "labels" => new LabelFieldAccessor(path, segments[3]),
            "action" when segments.Length == 3 && segments[1] == "metadata" && segments[2] != "labels" => new LabelFieldAccessor(path, segments[2]),
            "action" when segments.Length == 2 && ActionFields.TryGetValue(segments[1], out var read) => new ActionFieldAccessor(path, read),
            "action" => throw new FormatException(
                $"field path '{path}' names no action field; use action.payload.<path>, action.metadata.labels.<key> or one of action.{string.Join(", action.", ActionFields.Keys)}"),
            "time" when segments.Length == 2 && Array.IndexOf(TimeFieldAccessor.Parts, segments[1]) >= 0 => new TimeFieldAccessor(path, segments[1], zone),
            "time" => throw new FormatException($"field path '{path}': time has {string.Join(", ", TimeFieldAccessor.Parts)}"),
            "now" when segments.Length == 1 => new TimeFieldAccessor(path, "timestamp", zone),
            "env" or "environment" when segments.Length == 2 => new EnvFieldAccessor(path, segments[1]),
            _ => throw new FormatException($"field path '{path}' must start with action., time., env. or be 'now'"),
        };
    }
}
