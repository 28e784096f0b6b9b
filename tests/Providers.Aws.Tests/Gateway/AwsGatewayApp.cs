using Acteon.Gateway.Api.Hosting;
using Acteon.Providers.Aws.Credentials;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Providers.Aws.Tests.Gateway;

/// <summary>The whole gateway from a real acteon.toml, with the emulator's credentials as the base chain.</summary>
public sealed class AwsGatewayApp : WebApplicationFactory<Program>
{
    private readonly string _configPath;

    public AwsGatewayApp(string providersToml)
    {
        var directory = Directory.CreateTempSubdirectory("acteon-aws-gateway-").FullName;
        _configPath = Path.Combine(directory, "acteon.toml");
        File.WriteAllText(_configPath, $"""
            [state]
            backend = "memory"

            [executor]
            max_retries = 0

            [[providers]]
            name = "log"
            type = "log"

            {providersToml}
            """);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(GatewayConfiguration.ConfigPathSetting, _configPath);
        builder.ConfigureTestServices(services => services.AddSingleton<IAwsCredentialSource>(
            new StaticCredentialSource(AwsEmulator.AwsEmulator.AccessKey, AwsEmulator.AwsEmulator.SecretKey)));
    }
}
