using Acteon.Gateway.Api.Hosting;
using Acteon.Silo.Configuration;
using Microsoft.Extensions.Configuration;

namespace Acteon.Gateway.Api.Tests.Hosting;

public sealed class ClusterCommandLineTests
{
    [Fact]
    public void Parse_MigrateFirst_IsTheCommand()
    {
        var parsed = GatewayCommandLine.Parse(["migrate", "-c", "x.toml"]);

        Assert.Equal((GatewayCommandLine.Migrate, "x.toml"), (parsed.Command, parsed.ConfigPath));
        Assert.Null(GatewayCommandLine.Parse(["-c", "x.toml"]).Command);
        Assert.Throws<CommandLineException>(() => GatewayCommandLine.Parse(["-c", "x.toml", "migrate"]));
    }

    [Fact]
    public void Load_StateUrlSetting_ReplacesTheFilesUrl()
    {
        var directory = Directory.CreateTempSubdirectory("acteon-state-url").FullName;
        var path = Path.Combine(directory, "acteon.toml");
        File.WriteAllText(path, "[state]\nbackend = \"postgres\"\nurl = \"postgres://acteon@db/acteon\"\n");
        var host = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ConfigOverrides.StateUrlSetting] = "postgres://acteon:secret@db/acteon",
        }).Build();

        var config = GatewayConfiguration.Load(GatewayCommandLine.Parse(["-c", path]), host);
        var withoutOverride = GatewayConfiguration.Load(GatewayCommandLine.Parse(["-c", path]), new ConfigurationBuilder().Build());

        Assert.Equal("postgres://acteon:secret@db/acteon", config.State.Url);
        Assert.Equal("postgres://acteon@db/acteon", withoutOverride.State.Url);
        Directory.Delete(directory, recursive: true);
    }
}
