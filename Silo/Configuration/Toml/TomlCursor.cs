namespace Acteon.Silo.Configuration.Toml;

/// <summary>Position over the document text, with the low-level whitespace, comment and newline rules.</summary>
internal sealed class TomlCursor
{
    private readonly string text;
    private readonly string file;
    private readonly List<int> lineStarts = [0];

    public TomlCursor(string text, string file)
    {
        this.text = text;
        this.file = file;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public int Position { get; private set; }

    public bool AtEnd => Position >= text.Length;

    public int Line => LineAt(Position);

    /// <summary>The character <paramref name="offset"/> ahead, or '\0' past the end (callers check <see cref="AtEnd"/> where NUL matters).</summary>
    public char Peek(int offset = 0) => Position + offset < text.Length ? text[Position + offset] : '\0';

    public char Next() => text[Position++];

    public void Advance(int count) => Position += count;

    public bool StartsWith(string value) => string.CompareOrdinal(text, Position, value, 0, value.Length) == 0;

    public bool TryConsume(char expected)
    {
        if (AtEnd || text[Position] != expected)
        {
            return false;
        }

        Position++;
        return true;
    }

    public void Expect(char expected, string what)
    {
        if (!TryConsume(expected))
        {
            throw Error($"expected {what} but found {Describe()}");
        }
    }

    public string Slice(int start, int end) => text[start..end];

    public int LineAt(int position)
    {
        var index = lineStarts.BinarySearch(position);
        return index >= 0 ? index + 1 : ~index;
    }

    public TomlException Error(string problem) => Error(Position, problem);

    public TomlException Error(int position, string problem)
    {
        var line = LineAt(position);
        var column = position - lineStarts[line - 1] + 1;
        return new TomlException(file, line, column, problem);
    }

    public string Describe()
    {
        if (AtEnd)
        {
            return "end of file";
        }

        var c = Peek();
        return c switch
        {
            '\n' => "end of line",
            '\r' => "carriage return",
            _ when IsControl(c) => $"control character U+{(int)c:X4}",
            _ => $"'{c}'",
        };
    }

    public static bool IsControl(char c) => (c < 0x20 && c != '\t') || c == 0x7F;

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t')
        {
            Position++;
        }
    }

    public bool AtNewline => Peek() == '\n' || (Peek() == '\r' && Peek(1) == '\n');

    /// <summary>Consumes LF or CRLF; a CR not followed by LF is never valid TOML.</summary>
    public bool TryConsumeNewline()
    {
        if (Peek() == '\n')
        {
            Position++;
            return true;
        }

        if (Peek() == '\r')
        {
            if (Peek(1) != '\n')
            {
                throw Error("carriage return must be followed by a line feed");
            }

            Position += 2;
            return true;
        }

        return false;
    }

    public void SkipComment()
    {
        if (Peek() != '#')
        {
            return;
        }

        while (!AtEnd && !AtNewline)
        {
            if (IsControl(Peek()))
            {
                throw Error($"{Describe()} is not allowed in a comment");
            }

            Position++;
        }
    }

    public void SkipWhitespaceCommentsAndNewlines()
    {
        while (true)
        {
            SkipWhitespace();
            SkipComment();
            if (!TryConsumeNewline())
            {
                return;
            }
        }
    }

    /// <summary>After a key/value pair or header only whitespace and a comment may follow on the line.</summary>
    public void ExpectEndOfLine()
    {
        SkipWhitespace();
        SkipComment();
        if (!AtEnd && !TryConsumeNewline())
        {
            throw Error($"expected end of line but found {Describe()}");
        }
    }
}
