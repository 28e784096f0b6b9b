using System.Text.Json;
using Acteon.Gateway.Api.Hosting;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Acteon.Gateway.Api.Tests.Rules;

/// <summary>The sample acteon.toml and rules/ folder shipped with the gateway load and show every action kind it implements.</summary>
public sealed class SampleConfigTests
{
    [Fact]
    public async Task SampleConfig_CopiedWithMemoryBackend_LoadsEveryRuleAndEveryActionKind()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("acteon-sample").FullName;
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "acteon.toml"));
        Assert.Contains("backend = \"sqlite\"", sample, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), sample.Replace("backend = \"sqlite\"", "backend = \"memory\"", StringComparison.Ordinal));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "rules"));
        var files = System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "rules"), "*.yaml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(directory, "rules", Path.GetFileName(file)));
        }

        await using var app = new SampleApp(Path.Combine(directory, "acteon.toml"));
        var body = await app.GetJsonAsync("/v1/rules");
        var rules = body.GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(12, rules.Count);
        Assert.Equal(rules.Select(r => r.GetProperty("priority").GetInt32()).Order(), rules.Select(r => r.GetProperty("priority").GetInt32()));
        Assert.Equal(
            ["allow", "chain", "deduplicate", "deny", "group", "modify", "request_approval", "reroute", "schedule", "state_machine", "suppress", "throttle"],
            rules.Select(r => r.GetProperty("action").GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(rules, r => r.GetProperty("name").GetString() == "block-data-exfiltration" && r.GetProperty("enabled").GetBoolean());
        Assert.Contains(rules, r => r.GetProperty("name").GetString() == "trigger-incident-triage" && r.GetProperty("enabled").GetBoolean());
    }

    /// <summary>The gateway on a given acteon.toml (the sample's own, not one GatewayApp writes).</summary>
    private sealed class SampleApp(string configPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseSetting(GatewayConfiguration.ConfigPathSetting, configPath);

        public async Task<JsonElement> GetJsonAsync(string url)
        {
            using var response = await CreateClient().GetAsync(new Uri(url, UriKind.Relative));
            return await GatewayApp.ReadAsync(response, HttpStatusCode.OK);
        }
    }
}
