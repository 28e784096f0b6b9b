using Acteon.Silo.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Configuration;

public sealed class UiSectionTests
{
    [Fact]
    public void Parse_NoSection_TheBuiltInDashboardIsServed()
    {
        var config = ConfigLoader.Parse("", "acteon.toml").Ui;

        Assert.True(config.Enabled);
        Assert.Null(config.DistPath);
    }

    [Fact]
    public void Parse_DisabledAndARelativeDistPath_ReadRelativeToTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("acteon-ui-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "my-ui"));
        File.WriteAllText(Path.Combine(directory, "my-ui", "index.html"), "<!doctype html>");

        var config = ConfigLoader.Parse("[ui]\nenabled = false\ndist_path = \"my-ui\"\n", Path.Combine(directory, "acteon.toml")).Ui;

        Assert.False(config.Enabled);
        Assert.Equal(Path.Combine(directory, "my-ui"), config.DistPath);
    }

    [Theory]
    [InlineData("[ui]\nenabled = \"yes\"\n", "acteon.toml:2: [ui] enabled: expected true or false")]
    [InlineData("[ui]\ndist_path = \"/nowhere/acteon-ui\"\n", "acteon.toml:2: [ui] dist_path: \"/nowhere/acteon-ui\" must be a folder holding the dashboard's index.html")]
    [InlineData("[ui]\ntheme = \"dark\"\n", "acteon.toml:2: [ui] theme: unknown key")]
    public void Parse_BadSetting_FailsNamingFileLineAndKey(string toml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(toml, "acteon.toml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
