using Acteon.Silo.Configuration;

namespace Acteon.Gateway.Api.Hosting;

/// <summary>Finds and loads acteon.toml: the -c path, else ./acteon.toml, else the sample beside the program, else defaults.</summary>
public static class GatewayConfiguration
{
    /// <summary>Host setting that tests use instead of the command line.</summary>
    public const string ConfigPathSetting = "Acteon:ConfigPath";

    /// <summary>
    /// Host setting (environment variable <c>Acteon__StateUrl</c>) that replaces <c>[state] url</c>, so credentials
    /// can come from a secret while acteon.toml stays in a ConfigMap.
    /// </summary>
    public const string StateUrlSetting = "Acteon:StateUrl";

    public static ActeonConfig Load(GatewayCommandLine commandLine, IConfiguration hostConfiguration)
    {
        var explicitPath = commandLine.ConfigPath ?? hostConfiguration[ConfigPathSetting];
        var config = explicitPath is not null ? ConfigLoader.LoadFile(explicitPath) : LoadDefault();
        var stateUrl = hostConfiguration[StateUrlSetting];
        return config with
        {
            State = string.IsNullOrEmpty(stateUrl) ? config.State : config.State with { Url = stateUrl },
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
