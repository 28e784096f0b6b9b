using System.Net.Http.Json;
using System.Text.Json;
using Acteon.Gateway.Api.Hosting;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>A fresh gateway per test, configured by a real acteon.toml written to a temp folder.</summary>
public sealed class GatewayApp : WebApplicationFactory<Program>
{
    private readonly string _configPath;
    private readonly TimeProvider? _time;
    private readonly Action<IWebHostBuilder>? _configure;
    private readonly bool _remindersOnTime;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="extraToml">More TOML appended to the configuration.</param>
    /// <param name="backend">The <c>[state]</c> backend.</param>
    /// <param name="directory">The folder of the configuration and database; a new temp folder when null.</param>
    /// <param name="rules">Rule files (name → YAML) written to a <c>rules</c> folder that <c>[rules] directory</c> names.</param>
    /// <param name="time">Replaces the gateway's clock (<see cref="GatewayClock"/>; e.g. a <c>FakeTimeProvider</c>).</param>
    /// <param name="watchRules">Whether the rules folder is watched for changes.</param>
    /// <param name="configure">More host configuration (e.g. a logger provider).</param>
    /// <param name="remindersOnTime">Orleans' reminders run on <paramref name="time"/> too (Orleans' keyed reminder clock), so a test drives them.</param>
    /// <param name="stateUrl">The <c>[state] url</c> (a PostgreSQL connection string) for <paramref name="backend"/> "postgres".</param>
    /// <param name="maxRetries"><c>[executor] max_retries</c>.</param>
    /// <param name="services">Changes to the gateway's services after its own (e.g. shorter reminder intervals).</param>
    public GatewayApp(
        string extraToml = "", string backend = "memory", string? directory = null,
        IReadOnlyDictionary<string, string>? rules = null, TimeProvider? time = null, bool watchRules = false, bool remindersOnTime = false,
        string? stateUrl = null, int maxRetries = 3, Action<IServiceCollection>? services = null, Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        _remindersOnTime = remindersOnTime;
        _services = services;
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "acteon-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _configPath = Path.Combine(Directory, "acteon.toml");
        _time = time;
        var dbPath = Path.Combine(Directory, "acteon.db").Replace("\\", "/", StringComparison.Ordinal);
        var rulesToml = "";
        if (rules is not null)
        {
            System.IO.Directory.CreateDirectory(RulesDirectory);
            foreach (var (name, yaml) in rules)
            {
                File.WriteAllText(Path.Combine(RulesDirectory, name), yaml);
            }

            rulesToml = $"""
                [rules]
                directory = "rules"
                watch = {(watchRules ? "true" : "false")}
                """;
        }

        File.WriteAllText(_configPath, $"""
            {rulesToml}

            [state]
            backend = "{backend}"
            path = "{dbPath}"
            {(stateUrl is null ? "" : $"url = \"{stateUrl}\"")}

            [executor]
            max_retries = {maxRetries}
            timeout_seconds = 30
            retry_base_delay_ms = 1
            retry_max_delay_ms = 5

            [[providers]]
            name = "log"
            type = "log"

            {extraToml}
            """);
    }

    public string Directory { get; }

    /// <summary>The folder of the rule files given to the constructor.</summary>
    public string RulesDirectory => Path.Combine(Directory, "rules");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(GatewayConfiguration.ConfigPathSetting, _configPath);
        _configure?.Invoke(builder);
        if (_time is { } time)
        {
            // The gateway's clock only: Orleans keeps the system clock, so that driving this one never makes the
            // membership protocol declare the silo dead.
            builder.ConfigureTestServices(services =>
            {
                services.AddKeyedSingleton(GatewayClock.Key, time);
                if (_remindersOnTime)
                {
                    services.AddKeyedSingleton(Orleans.Reminders.ReminderTimeProviderNames.Reminders, time);
                }
            });
        }

        if (_services is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public async Task<JsonElement> PutJsonAsync(string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await CreateClient().PutAsJsonAsync(url, body);
        return await ReadAsync(response, expected);
    }

    public Task FlushAuditAsync() => Services.GetRequiredService<BatchingAuditWriter>().FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

    public async Task<JsonElement> PostJsonAsync(string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await CreateClient().PostAsJsonAsync(url, body);
        return await ReadAsync(response, expected);
    }

    public async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static object Action(string provider = "log", string? dedupKey = null, string ns = "notifications", string tenant = "tenant-1", string actionType = "send") =>
        dedupKey is null
            ? new { @namespace = ns, tenant, provider, action_type = actionType, payload = new { to = "user@example.com" } }
            : new { @namespace = ns, tenant, provider, action_type = actionType, payload = new { to = "user@example.com" }, dedup_key = dedupKey };
}
