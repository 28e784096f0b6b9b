using System.Globalization;
using System.Text;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>Reads the four TOML string forms: basic, multi-line basic, literal and multi-line literal.</summary>
internal static class TomlStringReader
{
    public static string Read(TomlCursor cursor, bool allowMultiline)
    {
        var quote = cursor.Peek();
        var multiline = cursor.Peek(1) == quote && cursor.Peek(2) == quote;
        if (multiline && !allowMultiline)
        {
            throw cursor.Error("multi-line strings are not allowed here");
        }

        return (quote, multiline) switch
        {
            ('"', false) => ReadBasic(cursor),
            ('"', true) => ReadMultilineBasic(cursor),
            (_, false) => ReadLiteral(cursor),
            _ => ReadMultilineLiteral(cursor),
        };
    }

    private static string ReadBasic(TomlCursor cursor)
    {
        var start = cursor.Position;
        cursor.Next();
        var builder = new StringBuilder();
        while (true)
        {
            if (cursor.AtEnd || cursor.AtNewline || cursor.Peek() == '\r')
            {
                throw cursor.Error(start, "unterminated string");
            }

            var c = cursor.Peek();
            if (c == '"')
            {
                cursor.Next();
                return builder.ToString();
            }

            if (c == '\\')
            {
                ReadEscape(cursor, builder);
                continue;
            }

            RejectControl(cursor, c);
            builder.Append(cursor.Next());
        }
    }

    private static string ReadMultilineBasic(TomlCursor cursor)
    {
        var start = cursor.Position;
        cursor.Advance(3);
        cursor.TryConsumeNewline();
        var builder = new StringBuilder();
        while (true)
        {
            if (cursor.AtEnd)
            {
                throw cursor.Error(start, "unterminated multi-line string");
            }

            var c = cursor.Peek();
            if (c == '"' && TryClose(cursor, '"', builder))
            {
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (IsLineEndingBackslash(cursor))
                {
                    cursor.Next();
                    SkipWhitespaceAndNewlines(cursor);
                }
                else
                {
                    ReadEscape(cursor, builder);
                }

                continue;
            }

            if (cursor.TryConsumeNewline())
            {
                builder.Append('\n');
                continue;
            }

            RejectControl(cursor, c);
            builder.Append(cursor.Next());
        }
    }

    private static string ReadLiteral(TomlCursor cursor)
    {
        var start = cursor.Position;
        cursor.Next();
        var builder = new StringBuilder();
        while (true)
        {
            if (cursor.AtEnd || cursor.AtNewline || cursor.Peek() == '\r')
            {
                throw cursor.Error(start, "unterminated literal string");
            }

            var c = cursor.Peek();
            if (c == '\'')
            {
                cursor.Next();
                return builder.ToString();
            }

            RejectControl(cursor, c);
            builder.Append(cursor.Next());
        }
    }

    private static string ReadMultilineLiteral(TomlCursor cursor)
    {
        var start = cursor.Position;
        cursor.Advance(3);
        cursor.TryConsumeNewline();
        var builder = new StringBuilder();
        while (true)
        {
            if (cursor.AtEnd)
            {
                throw cursor.Error(start, "unterminated multi-line literal string");
            }

            var c = cursor.Peek();
            if (c == '\'' && TryClose(cursor, '\'', builder))
            {
                return builder.ToString();
            }

            if (cursor.TryConsumeNewline())
            {
                builder.Append('\n');
                continue;
            }

            RejectControl(cursor, c);
            builder.Append(cursor.Next());
        }
    }

    /// <summary>Up to two quotes may directly precede the closing delimiter and belong to the content.</summary>
    private static bool TryClose(TomlCursor cursor, char quote, StringBuilder builder)
    {
        var count = 0;
        while (cursor.Peek(count) == quote)
        {
            count++;
        }

        if (count < 3)
        {
            builder.Append(quote, count);
            cursor.Advance(count);
            return false;
        }

        if (count > 5)
        {
            throw cursor.Error("too many quotes at the end of a multi-line string");
        }

        builder.Append(quote, count - 3);
        cursor.Advance(count);
        return true;
    }

    private static bool IsLineEndingBackslash(TomlCursor cursor)
    {
        var offset = 1;
        while (cursor.Peek(offset) is ' ' or '\t')
        {
            offset++;
        }

        return cursor.Peek(offset) == '\n' || (cursor.Peek(offset) == '\r' && cursor.Peek(offset + 1) == '\n');
    }

    private static void SkipWhitespaceAndNewlines(TomlCursor cursor)
    {
        while (true)
        {
            cursor.SkipWhitespace();
            if (!cursor.TryConsumeNewline())
            {
                return;
            }
        }
    }

    private static void RejectControl(TomlCursor cursor, char c)
    {
        if (TomlCursor.IsControl(c))
        {
            throw cursor.Error($"{cursor.Describe()} must be escaped in a string");
        }
    }

    private static void ReadEscape(TomlCursor cursor, StringBuilder builder)
    {
        var start = cursor.Position;
        cursor.Next();
        if (cursor.AtEnd)
        {
            throw cursor.Error(start, "unterminated escape sequence");
        }

        var c = cursor.Next();
        switch (c)
        {
            case 'b': builder.Append('\b'); break;
            case 't': builder.Append('\t'); break;
            case 'n': builder.Append('\n'); break;
            case 'f': builder.Append('\f'); break;
            case 'r': builder.Append('\r'); break;
            case '"': builder.Append('"'); break;
            case '\\': builder.Append('\\'); break;
            case 'u': builder.Append(ReadUnicode(cursor, start, 4)); break;
            case 'U': builder.Append(ReadUnicode(cursor, start, 8)); break;
            default: throw cursor.Error(start, $"invalid escape sequence '\\{c}'");
        }
    }

    private static string ReadUnicode(TomlCursor cursor, int start, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (!char.IsAsciiHexDigit(cursor.Peek(i)))
            {
                throw cursor.Error(start, $"escape sequence needs {length} hexadecimal digits");
            }
        }

        var hex = cursor.Slice(cursor.Position, cursor.Position + length);
        cursor.Advance(length);
        var scalar = long.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (scalar > 0x10FFFF || scalar is >= 0xD800 and <= 0xDFFF)
        {
            throw cursor.Error(start, $"escape \\{(length == 4 ? 'u' : 'U')}{hex} is not a Unicode scalar value");
        }

        return char.ConvertFromUtf32((int)scalar);
    }
}
