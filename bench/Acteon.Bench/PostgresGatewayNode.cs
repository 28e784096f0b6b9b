using System.Globalization;
using Acteon.Gateway.Api.Hosting;
using Acteon.Silo.Configuration;

namespace Acteon.Bench;

/// <summary>One gateway node on a shared PostgreSQL, hosted in this process with its own container (own silo, own pool).</summary>
internal sealed class PostgresGatewayNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PostgresGatewayNode(WebApplication app) => (_app, DispatchUri) = (app, new Uri(new Uri(app.Urls.First()), "/v1/dispatch"));

    public Uri DispatchUri { get; }

    public static async Task<PostgresGatewayNode> StartAsync(string url, string nodeId)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            [server]
            host = "127.0.0.1"
            port = 0

            [state]
            backend = "postgres"
            url = "{url}"

            [audit]
            enabled = true

            [cluster]
            silo_name = "{nodeId}"

            [[providers]]
            name = "log"
            type = "log"
            """);
        var directory = Directory.CreateTempSubdirectory("acteon-bench-node-").FullName;
        var config = ConfigLoader.Parse(text, Path.Combine(directory, "acteon.toml"));
        var builder = GatewayHosting.CreateBuilder([], directory);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddActeonGateway(config);
        var app = builder.Build();
        await app.MapActeonGatewayAsync();
        await app.StartAsync();
        return new PostgresGatewayNode(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
