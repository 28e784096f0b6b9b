namespace Acteon.Silo.Configuration.Toml;

/// <summary>Reads bare, quoted and dotted keys.</summary>
internal static class TomlKeyReader
{
    /// <summary>Reads <c>a . "b" . 'c'</c>; each part comes with its start position for error reporting.</summary>
    public static List<(string Name, int Position)> ReadDotted(TomlCursor cursor)
    {
        var parts = new List<(string Name, int Position)>();
        while (true)
        {
            cursor.SkipWhitespace();
            var position = cursor.Position;
            parts.Add((ReadSimple(cursor), position));
            cursor.SkipWhitespace();
            if (!cursor.TryConsume('.'))
            {
                return parts;
            }
        }
    }

    private static string ReadSimple(TomlCursor cursor)
    {
        if (cursor.Peek() is '"' or '\'')
        {
            return TomlStringReader.Read(cursor, allowMultiline: false);
        }

        var start = cursor.Position;
        while (IsBareKeyChar(cursor.Peek()))
        {
            cursor.Next();
        }

        if (cursor.Position == start)
        {
            throw cursor.Error($"expected a key but found {cursor.Describe()}");
        }

        return cursor.Slice(start, cursor.Position);
    }

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
