using Acteon.Gateway.Api.Hosting;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Rules;
using Acteon.Silo.Configuration;

try
{
    var commandLine = GatewayCommandLine.Parse(args);
    var builder = WebApplication.CreateBuilder(commandLine.HostArgs);
    var config = GatewayConfiguration.Load(commandLine, builder.Configuration);
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

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
