using Tomlyn;
using Tomlyn.Syntax;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>
/// Turns a document Tomlyn has validated into a <see cref="TomlTable"/> tree with the line of every key. Values are
/// string, long, double, bool, DateTimeOffset, DateTime (local), DateOnly, TimeOnly, <see cref="TomlArray"/> and
/// <see cref="TomlTable"/>. Tomlyn rejects duplicate keys and redefined tables first; the checks here catch what its
/// validation lets through (a table made by a header's parent path, extended by dotted keys, then opened by a header).
/// </summary>
internal sealed class TomlTreeBuilder(string fileName)
{
    private readonly HashSet<TomlTable> definedByDottedKeys = new(ReferenceEqualityComparer.Instance);

    public TomlTable Build(DocumentSyntax document)
    {
        var root = new TomlTable(1);
        AddAll(root, document.KeyValues);
        foreach (var header in document.Tables)
        {
            AddAll(Open(root, header), header.Items);
        }

        return root;
    }

    private void AddAll(TomlTable table, IEnumerable<KeyValueSyntax> pairs)
    {
        foreach (var pair in pairs)
        {
            var key = pair.Key!;
            var (parent, name) = Walk(table, key, dotted: true);
            if (parent.ContainsKey(name))
            {
                throw Conflict(key, "is defined twice");
            }

            parent.Add(name, Value(pair.Value!), Line(key));
        }
    }

    /// <summary>The table a <c>[header]</c> or <c>[[header]]</c> opens: a table array gets a new element.</summary>
    private TomlTable Open(TomlTable root, TableSyntaxBase header)
    {
        var key = header.Name!;
        var (parent, name) = Walk(root, key, dotted: false);
        var line = Line(key);
        if (header is not TableArraySyntax)
        {
            if (!parent.TryGetValue(name, out var existing))
            {
                return Added(parent, name, new TomlTable(line), line);
            }

            var table = AsTable(existing, key);
            return definedByDottedKeys.Contains(table) ? throw Conflict(key, "is already defined by dotted keys") : table;
        }

        var array = !parent.TryGetValue(name, out var found) ? Added(parent, name, new TomlArray(line), line)
            : found as TomlArray ?? throw Conflict(key, "is already defined as a table, not an array of tables");
        var element = new TomlTable(line);
        array.Add(element);
        return element;
    }

    /// <summary>Finds or creates the tables named by all but the last part of a dotted key; returns the last part.</summary>
    private (TomlTable Parent, string Name) Walk(TomlTable table, KeySyntax key, bool dotted)
    {
        var name = Name(key.Key!);
        foreach (var part in key.DotKeys)
        {
            table = table.TryGetValue(name, out var existing) ? AsTable(existing, key) : Added(table, name, new TomlTable(Line(key)), Line(key));
            if (dotted)
            {
                definedByDottedKeys.Add(table);
            }

            name = Name(part.Key!);
        }

        return (table, name);
    }

    /// <summary>A table, or the last table of an array of tables (what <c>[a.b]</c> after <c>[[a]]</c> extends).</summary>
    private TomlTable AsTable(object value, KeySyntax key) => value switch
    {
        TomlTable table => table,
        TomlArray { Count: > 0 } array when array[^1] is TomlTable last => last,
        _ => throw Conflict(key, "is already defined as a value, not a table"),
    };

    private static T Added<T>(TomlTable parent, string name, T value, int line)
        where T : notnull
    {
        parent.Add(name, value, line);
        return value;
    }

    private object Value(ValueSyntax value) => value switch
    {
        StringValueSyntax text => text.Value!,
        IntegerValueSyntax integer => integer.Value,
        FloatValueSyntax number => number.Value,
        BooleanValueSyntax flag => flag.Value,
        DateTimeValueSyntax dateTime => DateTimeValue(dateTime.Value),
        ArraySyntax array => Array(array),
        InlineTableSyntax inline => InlineTable(inline),
        _ => throw new TomlException(fileName, Line(value), value.Span.Start.Column + 1, $"unsupported value {value}"),
    };

    private static object DateTimeValue(TomlDateTime value) => value.Kind switch
    {
        TomlDateTimeKind.LocalDate => DateOnly.FromDateTime(value.DateTime.DateTime),
        TomlDateTimeKind.LocalTime => TimeOnly.FromTimeSpan(value.DateTime.TimeOfDay),
        TomlDateTimeKind.LocalDateTime => value.DateTime.DateTime,
        _ => value.DateTime,
    };

    private TomlArray Array(ArraySyntax syntax)
    {
        var array = new TomlArray(Line(syntax));
        foreach (var item in syntax.Items)
        {
            array.Add(Value(item.Value!));
        }

        return array;
    }

    private TomlTable InlineTable(InlineTableSyntax syntax)
    {
        var table = new TomlTable(Line(syntax));
        AddAll(table, syntax.Items.Select(item => item.KeyValue!));
        return table;
    }

    private TomlException Conflict(KeySyntax key, string problem) =>
        new(fileName, Line(key), key.Span.Start.Column + 1, $"key '{key.ToString().Trim()}' {problem}");

    private static string Name(BareKeyOrStringValueSyntax part) => part switch
    {
        BareKeySyntax bare => bare.Key!.Text!,
        StringValueSyntax quoted => quoted.Value!,
        _ => part.ToString(),
    };

    private static int Line(SyntaxNode node) => node.Span.Start.Line + 1;
}
