namespace Acteon.Silo.Configuration.Toml;

/// <summary>Reads any TOML value: strings, numbers, booleans, date-times, arrays and inline tables.</summary>
internal static class TomlValueReader
{
    /// <summary>Deep enough for any real document, shallow enough that hostile nesting cannot overflow the stack.</summary>
    private const int MaxDepth = 256;

    public static object Read(TomlCursor cursor) => Read(cursor, 0);

    private static object Read(TomlCursor cursor, int depth)
    {
        if (depth > MaxDepth)
        {
            throw cursor.Error($"values are nested more than {MaxDepth} levels deep");
        }

        var c = cursor.Peek();
        if (cursor.AtEnd || cursor.AtNewline)
        {
            throw cursor.Error($"expected a value but found {cursor.Describe()}");
        }

        return c switch
        {
            '"' or '\'' => TomlStringReader.Read(cursor, allowMultiline: true),
            '[' => ReadArray(cursor, depth + 1),
            '{' => ReadInlineTable(cursor, depth + 1),
            't' when cursor.StartsWith("true") => ReadKeyword(cursor, "true", true),
            'f' when cursor.StartsWith("false") => ReadKeyword(cursor, "false", false),
            _ when TomlDateTimeReader.IsAhead(cursor) => TomlDateTimeReader.Read(cursor),
            _ => TomlNumberReader.Read(cursor),
        };
    }

    private static bool ReadKeyword(TomlCursor cursor, string word, bool value)
    {
        cursor.Advance(word.Length);
        return value;
    }

    private static TomlArray ReadArray(TomlCursor cursor, int depth)
    {
        var array = new TomlArray(cursor.Line, isTableArray: false);
        cursor.Next();
        while (true)
        {
            cursor.SkipWhitespaceCommentsAndNewlines();
            if (cursor.TryConsume(']'))
            {
                return array;
            }

            array.Add(Read(cursor, depth));
            cursor.SkipWhitespaceCommentsAndNewlines();
            if (cursor.TryConsume(']'))
            {
                return array;
            }

            cursor.Expect(',', "',' or ']' in the array");
        }
    }

    private static TomlTable ReadInlineTable(TomlCursor cursor, int depth)
    {
        var table = new TomlTable(cursor.Line, TomlTableKind.Inline);
        cursor.Next();
        cursor.SkipWhitespace();
        if (!cursor.TryConsume('}'))
        {
            while (true)
            {
                var key = TomlKeyReader.ReadDotted(cursor);
                cursor.Expect('=', "'=' after the key");
                cursor.SkipWhitespace();
                TomlTableWriter.SetValue(cursor, table, key, Read(cursor, depth));
                cursor.SkipWhitespace();
                if (cursor.TryConsume('}'))
                {
                    break;
                }

                cursor.Expect(',', "',' or '}' in the inline table (inline tables must be on one line)");
            }
        }

        TomlTableWriter.Freeze(table);
        return table;
    }
}
