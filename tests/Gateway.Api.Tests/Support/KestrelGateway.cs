using Acteon.Gateway.Api.Hosting;
using Acteon.Grains.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>
/// The gateway on real Kestrel on 127.0.0.1 (a free port), for tests that need a real HTTP client on a real socket
/// (streaming responses); configured by TOML appended to a memory-backed acteon.toml.
/// </summary>
public sealed class KestrelGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private KestrelGateway(WebApplication app, string directory, Uri address)
    {
        (_app, _directory) = (app, directory);
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<KestrelGateway> StartAsync(string toml = "", TimeProvider? time = null)
    {
        var directory = Directory.CreateTempSubdirectory("acteon-kestrel-").FullName;
        var path = Path.Combine(directory, "acteon.toml");
        await File.WriteAllTextAsync(path, $"""
            [state]
            backend = "memory"

            [[providers]]
            name = "log"
            type = "log"

            {toml}
            """);
        var builder = GatewayHosting.CreateBuilder([], directory);
        var config = GatewayConfiguration.Load(GatewayCommandLine.Parse(["-c", path, "--port", "0"]), builder.Configuration);
        builder.AddActeonGateway(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (time is not null)
        {
            builder.Services.AddKeyedSingleton(GatewayClock.Key, time);
        }

        var app = builder.Build();
        await app.MapActeonGatewayAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new KestrelGateway(app, directory, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open; the temp folder is cleaned up by the system.
        }
    }
}
