using Acteon.Silo.Configuration;

namespace Acteon.Gateway.Api.Hosting;

/// <summary>Finds and loads acteon.toml: the -c path, else ./acteon.toml, else the sample beside the program, else defaults.</summary>
public static class GatewayConfiguration
{
    /// <summary>Host setting that tests use instead of the command line.</summary>
    public const string ConfigPathSetting = "Acteon:ConfigPath";

    public static ActeonConfig Load(GatewayCommandLine commandLine, IConfiguration hostConfiguration)
    {
        var explicitPath = commandLine.ConfigPath ?? hostConfiguration[ConfigPathSetting];
        var config = explicitPath is not null ? ConfigLoader.LoadFile(explicitPath) : LoadDefault();
        return ConfigOverrides.Apply(config, hostConfiguration) with
        {
            Server = config.Server with
            {
                Host = commandLine.Host ?? config.Server.Host,
                Port = commandLine.Port ?? config.Server.Port,
            },
        };
    }

    private static ActeonConfig LoadDefault()
    {
        foreach (var candidate in new[] { "acteon.toml", Path.Combine(AppContext.BaseDirectory, "acteon.toml") })
        {
            if (File.Exists(candidate))
            {
                return ConfigLoader.LoadFile(candidate);
            }
        }

        return new ActeonConfig();
    }
}
