using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>A TOML array; elements may be of mixed types.</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named after the TOML concept.")]
public sealed class TomlArray : IReadOnlyList<object>
{
    private readonly List<object> items = [];

    internal TomlArray(int line)
    {
        Line = line;
    }

    /// <summary>The 1-based line where the array was declared.</summary>
    public int Line { get; }

    public int Count => items.Count;

    public object this[int index] => items[index];

    public IEnumerator<object> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(object value) => items.Add(value);
}
