namespace Acteon.Silo.Configuration.Toml;

/// <summary>Parses TOML 1.0.0 documents.</summary>
public static class TomlParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="fileName"/> is only used in error messages.</summary>
    /// <exception cref="TomlException">The text is not valid TOML 1.0.0.</exception>
    public static TomlTable Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cursor = new TomlCursor(text, fileName);
        cursor.TryConsume('\uFEFF');
        var root = new TomlTable(1, TomlTableKind.Header);
        var current = root;
        while (true)
        {
            cursor.SkipWhitespace();
            if (cursor.AtEnd)
            {
                return root;
            }

            switch (cursor.Peek())
            {
                case '#':
                    break;
                case '\n' or '\r':
                    cursor.TryConsumeNewline();
                    continue;
                case '[':
                    current = ReadHeader(cursor, root);
                    break;
                default:
                    ReadKeyValue(cursor, current);
                    break;
            }

            cursor.ExpectEndOfLine();
        }
    }

    private static TomlTable ReadHeader(TomlCursor cursor, TomlTable root)
    {
        cursor.Next();
        var isArray = cursor.TryConsume('[');
        var key = TomlKeyReader.ReadDotted(cursor);
        cursor.Expect(']', "']' to close the table header");
        if (isArray)
        {
            cursor.Expect(']', "']]' to close the array of tables header");
        }

        return TomlTableWriter.OpenHeader(cursor, root, key, isArray);
    }

    private static void ReadKeyValue(TomlCursor cursor, TomlTable table)
    {
        var key = TomlKeyReader.ReadDotted(cursor);
        cursor.Expect('=', "'=' after the key");
        cursor.SkipWhitespace();
        var value = TomlValueReader.Read(cursor);
        TomlTableWriter.SetValue(cursor, table, key, value);
    }
}
