namespace Acteon.Silo.Configuration.Toml;

/// <summary>Applies key/value pairs and headers to the table tree, enforcing TOML's redefinition rules.</summary>
internal static class TomlTableWriter
{
    public static void SetValue(TomlCursor cursor, TomlTable table, List<(string Name, int Position)> key, object value)
    {
        var line = cursor.LineAt(key[0].Position);
        for (var i = 0; i < key.Count - 1; i++)
        {
            var (name, position) = key[i];
            if (!table.TryGetValue(name, out var existing))
            {
                var child = new TomlTable(line, TomlTableKind.Dotted);
                table.Add(name, child, line);
                table = child;
            }
            else if (existing is TomlTable { Kind: TomlTableKind.Dotted or TomlTableKind.Implicit } dotted)
            {
                // A table that only exists as the parent of a header is not defined yet; dotted keys define it.
                dotted.Kind = TomlTableKind.Dotted;
                table = dotted;
            }
            else
            {
                throw cursor.Error(position, $"cannot add keys to '{name}' with a dotted key: it is already defined as {Describe(existing)}");
            }
        }

        var (last, lastPosition) = key[^1];
        if (table.ContainsKey(last))
        {
            throw cursor.Error(lastPosition, $"duplicate key '{last}'");
        }

        table.Add(last, value, line);
    }

    /// <summary>Resolves <c>[a.b.c]</c> or <c>[[a.b.c]]</c> and returns the table that following pairs go into.</summary>
    public static TomlTable OpenHeader(TomlCursor cursor, TomlTable root, List<(string Name, int Position)> key, bool isArray)
    {
        var line = cursor.LineAt(key[0].Position);
        var table = root;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var (name, position) = key[i];
            if (!table.TryGetValue(name, out var existing))
            {
                var child = new TomlTable(line, TomlTableKind.Implicit);
                table.Add(name, child, line);
                table = child;
            }
            else if (existing is TomlTable { Kind: not TomlTableKind.Inline } parent)
            {
                table = parent;
            }
            else if (existing is TomlArray { IsTableArray: true } array)
            {
                table = (TomlTable)array[^1];
            }
            else
            {
                throw cursor.Error(position, $"cannot define a table under '{name}': it is already defined as {Describe(existing)}");
            }
        }

        var (last, lastPosition) = key[^1];
        table.TryGetValue(last, out var current);
        if (isArray)
        {
            var array = current as TomlArray;
            if (current is null)
            {
                array = new TomlArray(line, isTableArray: true);
                table.Add(last, array, line);
            }
            else if (array is not { IsTableArray: true })
            {
                throw cursor.Error(lastPosition, $"cannot define array of tables '{last}': it is already defined as {Describe(current)}");
            }

            var element = new TomlTable(line, TomlTableKind.Header);
            array.Add(element);
            return element;
        }

        if (current is null)
        {
            var created = new TomlTable(line, TomlTableKind.Header);
            table.Add(last, created, line);
            return created;
        }

        if (current is TomlTable { Kind: TomlTableKind.Implicit } implicitTable)
        {
            implicitTable.Kind = TomlTableKind.Header;
            return implicitTable;
        }

        throw cursor.Error(lastPosition, $"cannot define table '{last}': it is already defined as {Describe(current)}");
    }

    /// <summary>Marks an inline table and everything inside it as immutable.</summary>
    public static void Freeze(object value)
    {
        switch (value)
        {
            case TomlTable table:
                table.Kind = TomlTableKind.Inline;
                foreach (var entry in table)
                {
                    Freeze(entry.Value);
                }

                break;
            case TomlArray array:
                foreach (var item in array)
                {
                    Freeze(item);
                }

                break;
        }
    }

    private static string Describe(object value) => value switch
    {
        TomlTable { Kind: TomlTableKind.Inline } => "an inline table",
        TomlTable { Kind: TomlTableKind.Dotted } => "a table (by dotted keys)",
        TomlTable => "a table",
        TomlArray { IsTableArray: true } => "an array of tables",
        TomlArray => "an array",
        _ => "a value",
    };
}
