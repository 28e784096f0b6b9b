using System.Text;
using Acteon.Silo.Configuration.Toml;
using Xunit;

namespace Acteon.Silo.Tests.Configuration.Toml;

public sealed class TomlParserTests
{
    [Fact]
    public void Parse_DuplicateKey_ReportsFileLineAndColumn()
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse("a = 1\nb = 2\n  a = 3\n", "acteon.toml"));

        Assert.Equal("acteon.toml", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
        Assert.StartsWith("acteon.toml:3:3: ", error.Message, StringComparison.Ordinal);
        Assert.Equal("acteon.toml:3:3: The key `a` is already defined at line 1 and cannot be redefined", error.Message);
    }

    [Fact]
    public void Parse_InvalidEscape_ReportsLineAndColumn()
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse("x = 1\ns = \"a\\q\"", "acteon.toml"));

        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Contains("escape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RedefinedTableInCrlfDocument_ReportsItsLine()
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse("[a]\r\nx = 1\r\n[a]\r\n", "acteon.toml"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("acteon.toml:3:1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetLine_DefinedKeys_ReturnsDefinitionLine()
    {
        var root = TomlParser.Parse("# comment\n\n[server]\nport = 8080\nlimits.max = 3\n[[providers]]\nname = \"a\"\n\n[[providers]]\n", "acteon.toml");

        var server = Assert.IsType<TomlTable>(root["server"]);
        Assert.Equal(3, root.GetLine("server"));
        Assert.Equal(3, server.Line);
        Assert.Equal(4, server.GetLine("port"));
        Assert.Equal(5, server.GetLine("limits"));
        Assert.Equal(0, server.GetLine("missing"));
        var providers = Assert.IsType<TomlArray>(root["providers"]);
        Assert.Equal([6, 9], providers.Select(p => Assert.IsType<TomlTable>(p).Line));
        Assert.Equal(7, ((TomlTable)providers[0]).GetLine("name"));
    }

    [Fact]
    public void Parse_Tables_EnumerateInInsertionOrder()
    {
        var root = TomlParser.Parse("z = 1\na = 2\nm = 3\n", "acteon.toml");

        Assert.Equal(["z", "a", "m"], root.Select(pair => pair.Key));
        Assert.Equal(3, root.Count);
    }

    [Fact]
    public void Parse_Values_MapToClrTypes()
    {
        var root = TomlParser.Parse(
            "s = 'x'\ni = 0x10\nf = 1e3\nb = true\na = [1, \"two\"]\nq = { k = 1 }\n" +
            "t = 07:32:00.1234567\nd = 2024-02-29\nl = 2024-02-29t01:02:03\no = 2024-02-29 01:02:03.5-07:00\n",
            "acteon.toml");

        Assert.Equal(("x", 16L, 1000.0, true), (root["s"], root["i"], root["f"], root["b"]));
        Assert.Equal([1L, "two"], Assert.IsType<TomlArray>(root["a"]));
        Assert.Equal(1L, Assert.IsType<TomlTable>(root["q"])["k"]);
        Assert.Equal(new TimeOnly(7, 32, 0).Add(TimeSpan.FromTicks(1_234_567)), root["t"]);
        Assert.Equal(new DateOnly(2024, 2, 29), root["d"]);
        Assert.Equal(new DateTime(2024, 2, 29, 1, 2, 3, DateTimeKind.Unspecified), root["l"]);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 1, 2, 3, 500, TimeSpan.FromHours(-7)), root["o"]);
    }

    /// <summary>TOML asks for extra precision to be truncated; Tomlyn 2.10.2 rejects more than 7 digits (100 ns) instead.</summary>
    [Fact]
    public void Parse_FractionBeyond100Nanoseconds_IsRejectedWithItsLine()
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse("a = 1\nt = 07:32:00.123456789\n", "acteon.toml"));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Parse_Toml11Syntax_IsAccepted()
    {
        var root = TomlParser.Parse("t = 07:32\ns = \"\\x41\\e\"\nq = {\n  a = 1,\n  b = 2,\n}\n", "acteon.toml");

        Assert.Equal(new TimeOnly(7, 32), root["t"]);
        Assert.Equal("A\u001b", root["s"]);
        Assert.Equal(2, Assert.IsType<TomlTable>(root["q"]).Count);
    }

    [Fact]
    public void Parse_DottedKeyIntoImplicitTable_DefinesIt()
    {
        var root = TomlParser.Parse("[a.b.c]\nz = 1\n[a]\nb.d = 2\n", "acteon.toml");

        var b = Assert.IsType<TomlTable>(Assert.IsType<TomlTable>(root["a"])["b"]);
        Assert.Equal(2L, b["d"]);
        Assert.Equal(1L, Assert.IsType<TomlTable>(b["c"])["z"]);
    }

    /// <summary>Tomlyn 2.10.2 accepts this document; the tree builder rejects it, as TOML 1.0 and 1.1 require.</summary>
    [Fact]
    public void Parse_HeaderOverTableDefinedByDottedKeys_ReportsTheHeader()
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse("[a.b.c]\n[a]\nb.d = 2\n[a.b]\n", "acteon.toml"));

        Assert.Equal("acteon.toml:4:2: key 'a.b' is already defined by dotted keys", error.Message);
    }

    [Fact]
    public void Parse_SubTableUnderTableDefinedByDottedKeys_IsAccepted()
    {
        var root = TomlParser.Parse("[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n", "acteon.toml");

        var apple = Assert.IsType<TomlTable>(Assert.IsType<TomlTable>(root["fruit"])["apple"]);
        Assert.Equal(["color", "texture"], apple.Keys);
    }

    [Fact]
    public void Parse_HostileNesting_ReportsLineOfTheTooDeepValue()
    {
        var text = "a = 1\nb = " + new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<TomlException>(() => TomlParser.Parse(text, "acteon.toml"));

        Assert.Equal(2, error.Line);
        Assert.Contains("depth", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = {b = 1}\na.c = 2")]
    [InlineData("a = [1]\n[[a]]")]
    [InlineData("[[a]]\n[a]")]
    [InlineData("d = 2023-02-29")]
    [InlineData("n = 9223372036854775808")]
    [InlineData("n = 012")]
    [InlineData("s = \"\\uD800\"")]
    [InlineData("s = \"\\xZZ\"")]
    [InlineData("a = 1\rb = 2")]
    public void Parse_InvalidDocument_ThrowsTomlExceptionWithPosition(string text)
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse(text, "acteon.toml"));

        Assert.Matches(@"^acteon\.toml:[12]:\d+: ", error.Message);
    }

    [Fact]
    public void Decode_InvalidUtf8_ReportsLineAndColumnOfFirstBadByte()
    {
        byte[] bytes = [.. "a = 1\n# é ok\ns = \""u8, 0xC3, 0x28, .. "\"\n"u8];

        var error = Assert.Throws<TomlException>(() => TomlParser.Decode(bytes, "acteon.toml"));

        Assert.Equal((3, 6), (error.Line, error.Column));
        Assert.Equal("acteon.toml:3:6: not valid UTF-8 (TOML files must be UTF-8)", error.Message);
    }

    [Fact]
    public void Decode_ValidUtf8_KeepsEveryCharacter()
    {
        var text = "\uFEFFname = \"żółw 🐢\"\n";

        Assert.Equal(text, TomlParser.Decode(Encoding.UTF8.GetBytes(text), "acteon.toml"));
    }
}
