using System.Globalization;
using Acteon.Silo.Configuration.Toml;

namespace Acteon.Silo.Configuration;

/// <summary>Typed reads from one TOML table, with errors that name file, line, section and key.</summary>
internal sealed class TomlSection(TomlTable table, string file, string name)
{
    public TomlTable Table => table;

    public string File => file;

    public string Name => name;

    public string Location(string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{(table.GetLine(key) is > 0 and var l ? l : table.Line)}");

    /// <summary>Rejects keys this section does not know, so that a typo does not silently fall back to a default.</summary>
    public void AllowOnly(params string[] keys)
    {
        foreach (var key in table.Keys)
        {
            if (Array.IndexOf(keys, key) < 0)
            {
                throw Error(key, $"unknown key; known keys are {string.Join(", ", keys)}");
            }
        }
    }

    public string? String(string key) => Get(key, "a string", v => v as string);

    public bool? Bool(string key) => Get(key, "true or false", v => v as bool?);

    public long? Integer(string key, long min, long max)
    {
        var value = Get(key, "an integer", v => v as long?);
        return value is { } n && (n < min || n > max)
            ? throw Error(key, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, not {n}"))
            : value;
    }

    public TimeSpan? Seconds(string key, long min, long max) => Integer(key, min, max) is { } s ? TimeSpan.FromSeconds(s) : null;

    public TimeSpan? Milliseconds(string key, long min, long max) => Integer(key, min, max) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    public string OneOf(string key, string fallback, params string[] allowed)
    {
        var value = String(key) ?? fallback;
        return Array.IndexOf(allowed, value) >= 0
            ? value
            : throw Error(key, $"must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}, not \"{value}\"");
    }

    public ConfigurationException Error(string key, string problem) =>
        new($"{Location(key)}: [{name}] {key}: {problem}");

    private T? Get<T>(string key, string expected, Func<object, T?> convert)
    {
        if (!table.TryGetValue(key, out var raw))
        {
            return default;
        }

        return convert(raw) is { } value ? value : throw Error(key, $"expected {expected}, found {Describe(raw)}");
    }

    private static string Describe(object value) => value switch
    {
        string s => $"the string \"{s}\"",
        long n => string.Create(CultureInfo.InvariantCulture, $"the integer {n}"),
        double d => string.Create(CultureInfo.InvariantCulture, $"the float {d}"),
        bool b => b ? "true" : "false",
        TomlTable => "a table",
        TomlArray => "an array",
        _ => "a date/time",
    };
}
