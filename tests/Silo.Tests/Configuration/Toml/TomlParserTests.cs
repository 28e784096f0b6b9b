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
        Assert.Contains("duplicate key 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidEscape_ReportsColumnOfEscape()
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse("s = \"a\\q\"", "acteon.toml"));

        Assert.Equal(1, error.Line);
        Assert.Equal(7, error.Column);
    }

    [Fact]
    public void Parse_CrlfDocument_CountsLines()
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse("[a]\r\nx = 1\r\n[a]\r\n", "acteon.toml"));

        Assert.Equal(3, error.Line);
        Assert.Contains("acteon.toml:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetLine_DefinedKeys_ReturnsDefinitionLine()
    {
        var root = TomlParser.Parse("# comment\n\n[server]\nport = 8080\nlimits.max = 3\n", "acteon.toml");

        var server = Assert.IsType<TomlTable>(root["server"]);
        Assert.Equal(3, root.GetLine("server"));
        Assert.Equal(3, server.Line);
        Assert.Equal(4, server.GetLine("port"));
        Assert.Equal(5, server.GetLine("limits"));
        Assert.Equal(0, server.GetLine("missing"));
    }

    [Fact]
    public void Parse_Tables_EnumerateInInsertionOrder()
    {
        var root = TomlParser.Parse("z = 1\na = 2\nm = 3\n", "acteon.toml");

        Assert.Equal(["z", "a", "m"], root.Select(pair => pair.Key));
        Assert.Equal(3, root.Count);
    }

    [Fact]
    public void Parse_DateTimes_KeepExactValues()
    {
        var root = TomlParser.Parse("t = 07:32:00.123456789\nd = 2024-02-29\nl = 2024-02-29t01:02:03\no = 2024-02-29 01:02:03.5-07:00\n", "acteon.toml");

        Assert.Equal(new TomlLocalTime(7, 32, 0, "123456789"), root["t"]);
        Assert.Equal(new TomlLocalDate(2024, 2, 29), root["d"]);
        Assert.Equal("2024-02-29T01:02:03", root["l"].ToString());
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 1, 2, 3, 500, TimeSpan.FromHours(-7)), root["o"]);
    }

    [Fact]
    public void Parse_DottedKeyIntoImplicitTable_DefinesIt()
    {
        var root = TomlParser.Parse("[a.b.c]\nz = 1\n[a]\nb.d = 2\n", "acteon.toml");

        var b = Assert.IsType<TomlTable>(Assert.IsType<TomlTable>(root["a"])["b"]);
        Assert.Equal(2L, b["d"]);
        Assert.Throws<TomlException>(() => TomlParser.Parse("[a.b.c]\n[a]\nb.d = 2\n[a.b]\n", "acteon.toml"));
    }

    [Fact]
    public void Parse_HostileNesting_ThrowsTomlException()
    {
        var text = "a = " + new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<TomlException>(() => TomlParser.Parse(text, "acteon.toml"));

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = {b = 1}\na.c = 2")]
    [InlineData("a = [1]\n[[a]]")]
    [InlineData("d = 2023-02-29")]
    [InlineData("n = 9223372036854775808")]
    [InlineData("n = 012")]
    [InlineData("s = \"\\uD800\"")]
    [InlineData("a = 1\rb = 2")]
    public void Parse_InvalidDocument_ThrowsTomlException(string text)
    {
        Assert.Throws<TomlException>(() => TomlParser.Parse(text, "acteon.toml"));
    }
}
