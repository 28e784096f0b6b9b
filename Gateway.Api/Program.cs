using Acteon.Gateway.Api.Auth;
using Acteon.Gateway.Api.Hosting;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Rules;
using Acteon.Silo.Configuration;
using Acteon.Silo.Hosting;
using Acteon.Silo.Storage;

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
    // The store first, on its own: an unreachable store is one line and exit 3, before a host starts (and logs its failure).
    await StoreMigration.MigrateAsync(config.State, CancellationToken.None);
    builder.AddActeonGateway(config);
    var app = builder.Build();
    app.MapActeonGateway();
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

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
