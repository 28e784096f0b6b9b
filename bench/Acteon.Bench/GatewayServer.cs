using System.Globalization;
using Acteon.Gateway.Api.Hosting;
using Acteon.Grains.Audit;
using Acteon.Silo.Configuration;

namespace Acteon.Bench;

/// <summary>
/// The real gateway, hosted in this process as Gateway.Api's Program does: SQLite state in a temporary directory,
/// audit on, one <c>log</c> provider, logging at Warning, listening on a free loopback port.
/// </summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private GatewayServer(WebApplication app, string directory, Uri dispatchUri)
    {
        _app = app;
        _directory = directory;
        DispatchUri = dispatchUri;
    }

    public Uri DispatchUri { get; }

    public string Backend { get; private init; } = "sqlite";

    public string DatabasePath => Path.Combine(_directory, "acteon.db");

    /// <summary>Completes once every audit record queued so far is stored.</summary>
    public Task FlushAuditAsync() => _app.Services.GetRequiredService<BatchingAuditWriter>().FlushAsync();

    /// <summary>Live grain activations of the co-hosted silo, as Orleans counts them.</summary>
    public async Task<int> ActivationsAsync()
    {
        var statistics = await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Sum(s => s.ActivationCount);
    }

    public IServiceProvider Services => _app.Services;

    public static string ConfigText(string backend, string databasePath, bool withRules = false, bool dashboard = true, string extraToml = "", string serverToml = "") => string.Create(CultureInfo.InvariantCulture, $"""
        [server]
        host = "127.0.0.1"
        port = 0
        {serverToml}

        [state]
        backend = "{backend}"
        path = "{databasePath.Replace("\\", "\\\\", StringComparison.Ordinal)}"

        [audit]
        enabled = true

        [cluster]
        dashboard = {(dashboard ? "true" : "false")}

        {(withRules ? "[rules]\ndirectory = \"rules\"\nwatch = false" : "")}

        [[providers]]
        name = "log"
        type = "log"

        {extraToml}
        """);

    /// <param name="backend"><c>sqlite</c> for the real configuration; <c>memory</c> only to compare.</param>
    /// <param name="rules">How many rules to load (<see cref="BenchRules"/>); none matches the benchmark's actions.</param>
    /// <param name="dashboard">Whether the Orleans Dashboard runs (<c>[cluster] dashboard</c>).</param>
    /// <param name="extraToml">More configuration, appended (e.g. <c>[circuit_breaker]</c>).</param>
    /// <param name="serverToml">More <c>[server]</c> keys.</param>
    /// <param name="rulesYaml">A rule file of the benchmark's own, instead of <paramref name="rules"/> generated ones.</param>
    public static async Task<GatewayServer> StartAsync(string backend, int rules = 0, bool dashboard = true, string extraToml = "", string serverToml = "", string? rulesYaml = null)
    {
        var directory = Directory.CreateTempSubdirectory("acteon-bench-").FullName;
        var configPath = Path.Combine(directory, "acteon.toml");
        rulesYaml ??= rules > 0 ? BenchRules.Yaml(rules) : null;
        if (rulesYaml is not null)
        {
            Directory.CreateDirectory(Path.Combine(directory, "rules"));
            await File.WriteAllTextAsync(Path.Combine(directory, "rules", "bench.yaml"), rulesYaml);
        }

        var text = ConfigText(backend, Path.Combine(directory, "acteon.db"), rulesYaml is not null, dashboard, extraToml, serverToml);
        await File.WriteAllTextAsync(configPath, text);
        var config = ConfigLoader.Parse(text, configPath);

        var builder = GatewayHosting.CreateBuilder([], directory);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddActeonGateway(config);
        var app = builder.Build();
        await app.MapActeonGatewayAsync();
        await app.StartAsync();
        return new GatewayServer(app, directory, new Uri(new Uri(app.Urls.First()), "/v1/dispatch")) { Backend = backend };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (SQLite WAL) keeps the directory; it is only a temporary one.
        }
    }
}
