using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>A TOML table: an insertion-ordered map from key to value.</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named after the TOML concept.")]
public sealed class TomlTable : IEnumerable<KeyValuePair<string, object>>
{
    private readonly OrderedDictionary<string, object> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    internal TomlTable(int line)
    {
        Line = line;
    }

    /// <summary>The 1-based line where the table was declared (header, inline brace or first dotted key); 0 for a table that is not in the file.</summary>
    public int Line { get; }

    public int Count => values.Count;

    public IEnumerable<string> Keys => values.Keys;

    public object this[string key] => values[key];

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => values.TryGetValue(key, out value);

    public bool ContainsKey(string key) => values.ContainsKey(key);

    /// <summary>The 1-based line where <paramref name="key"/> was defined, or 0 if the key is unknown.</summary>
    public int GetLine(string key) => lines.TryGetValue(key, out var line) ? line : 0;

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(string key, object value, int line)
    {
        values.Add(key, value);
        lines[key] = line;
    }
}
