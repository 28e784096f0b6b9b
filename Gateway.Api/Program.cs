using Acteon.Gateway.Api.Auth;
using Acteon.Gateway.Api.Hosting;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Rules;
using Acteon.Silo.Cluster;
using Acteon.Silo.Configuration;
using Acteon.Silo.Hosting;
using Acteon.Silo.Storage;

ClusterConfig? cluster = null;
try
{
    var commandLine = GatewayCommandLine.Parse(args);
    if (commandLine.Command == GatewayCommandLine.HashPassword)
    {
        return HashPasswordCommand.Run(commandLine.Key, Console.In, Console.Out, Console.Error);
    }

    if (commandLine.Command == GatewayCommandLine.Migrate)
    {
        using var environment = new ConfigurationManager();
        environment.AddEnvironmentVariables();
        var state = GatewayConfiguration.Load(commandLine, environment).State;
        Console.WriteLine($"acteon: {await StoreMigration.MigrateAsync(state, CancellationToken.None)}");
        return 0;
    }

    var builder = GatewayHosting.CreateBuilder(commandLine.HostArgs);
    var config = GatewayConfiguration.Load(commandLine, builder.Configuration);
    // The stores first, on their own, before a host starts (and logs its failure): an unreachable state store is one
    // line and exit 3, an unreachable cluster membership store (Redis) one line and exit 4.
    await StoreMigration.MigrateAsync(config.State, CancellationToken.None);
    cluster = config.Cluster;
    await ClusterStoreCheck.EnsureReachableAsync(cluster);
    builder.AddActeonGateway(config);
    var app = builder.Build();
    await app.MapActeonGatewayAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (error is ConfigurationException or ProviderConfigurationException or CommandLineException or RuleStartupException)
{
    await Console.Error.WriteLineAsync($"acteon: {error.Message}");
    return 2;
}
catch (Exception wrapped) when (StoreUnavailableException.FindIn(wrapped) is { } error)
{
    // Also when Orleans' start-up wraps it (the membership table or reminder table could not reach PostgreSQL).
    await Console.Error.WriteLineAsync($"acteon: state store unavailable: {error.Message}");
    return 3;
}
catch (Exception wrapped) when (cluster is not null && ClusterStoreCheck.Explain(wrapped, cluster) is { } line)
{
    await Console.Error.WriteLineAsync($"acteon: {line}");
    return 4;
}

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
