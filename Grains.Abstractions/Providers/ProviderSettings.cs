using System.Globalization;

namespace Acteon.Grains.Abstractions.Providers;

/// <summary>
/// One <c>[[providers]]</c> entry as configured: name, type and the type's own fields (TOML values:
/// string, long, double, bool, lists and string-keyed tables). <see cref="Location"/> is "file:line" for errors.
/// </summary>
public sealed record ProviderSettings(string Name, string Type, IReadOnlyDictionary<string, object> Fields, string Location)
{
    public string? GetString(string key) => Fields.TryGetValue(key, out var value)
        ? value as string ?? throw Invalid(key, "must be a string")
        : null;

    public string RequireString(string key) =>
        GetString(key) is { Length: > 0 } value ? value : throw Invalid(key, "is required");

    public long? GetInteger(string key) => Fields.TryGetValue(key, out var value)
        ? value as long? ?? throw Invalid(key, "must be an integer")
        : null;

    public IReadOnlyDictionary<string, string> GetStringMap(string key)
    {
        if (!Fields.TryGetValue(key, out var value))
        {
            return new Dictionary<string, string>();
        }

        if (value is not IEnumerable<KeyValuePair<string, object>> table)
        {
            throw Invalid(key, "must be a table of strings");
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in table)
        {
            map[k] = v as string ?? throw Invalid($"{key}.{k}", "must be a string");
        }

        return map;
    }

    public ProviderConfigurationException Invalid(string key, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Location}: provider '{Name}' ({Type}): '{key}' {problem}"));
}
