using System.Net.Http.Json;
using System.Text.Json;
using Acteon.Gateway.Api.Hosting;
using Acteon.Grains.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>A fresh gateway per test, configured by a real acteon.toml written to a temp folder.</summary>
public sealed class GatewayApp : WebApplicationFactory<Program>
{
    private readonly string _configPath;

    public GatewayApp(string extraToml = "", string backend = "memory", string? directory = null)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "acteon-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _configPath = Path.Combine(Directory, "acteon.toml");
        var dbPath = Path.Combine(Directory, "acteon.db").Replace("\\", "/", StringComparison.Ordinal);
        File.WriteAllText(_configPath, $"""
            [state]
            backend = "{backend}"
            path = "{dbPath}"

            [executor]
            max_retries = 3
            retry_base_delay_ms = 1
            retry_max_delay_ms = 5

            [[providers]]
            name = "log"
            type = "log"

            {extraToml}
            """);
    }

    public string Directory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting(GatewayConfiguration.ConfigPathSetting, _configPath);

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
