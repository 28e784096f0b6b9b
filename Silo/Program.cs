using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Rules;
using Acteon.Silo.Configuration;
using Acteon.Silo.Hosting;
using Acteon.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Acteon.Silo;

/// <summary>
/// A worker-only silo: hosts grains for the cluster that acteon.toml's <c>[cluster]</c> names and serves no HTTP.
/// <c>Acteon.Silo [-c|--config PATH]</c> (default ./acteon.toml).
/// </summary>
internal static class SiloProgram
{
    public const string Usage = "usage: Acteon.Silo [-c|--config PATH]";

    public static async Task<int> Main(string[] args)
    {
        try
        {
            var path = args switch
            {
                [] => "acteon.toml",
                ["-c" or "--config", var p] => p,
                _ => throw new ConfigurationException(Usage),
            };
            var builder = Host.CreateApplicationBuilder();
            var config = ConfigOverrides.Apply(ConfigLoader.LoadFile(path), builder.Configuration);
            if (config.Cluster.Role != ClusterConfig.SiloRole)
            {
                throw new ConfigurationException($"{path}: [cluster] role = \"{config.Cluster.Role}\": a worker silo is always a silo");
            }

            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = config.Server.ShutdownTimeout);
            // Orleans first: the rules engine's start-up reads the rule toggles grain.
            builder.UseOrleans(silo => silo.UseActeonSilo(config));
            builder.Services.AddActeonServices(config);
            await builder.Build().RunAsync();
            return 0;
        }
        catch (Exception error) when (error is ConfigurationException or ProviderConfigurationException or RuleStartupException)
        {
            await Console.Error.WriteLineAsync($"acteon-silo: {error.Message}");
            return 2;
        }
        catch (Exception wrapped) when (StoreUnavailableException.FindIn(wrapped) is { } error)
        {
            await Console.Error.WriteLineAsync($"acteon-silo: state store unavailable: {error.Message}");
            return 3;
        }
    }
}
