using Acteon.Silo.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void Parse_FullFile_ReadsEverySection()
    {
        var config = ConfigLoader.Parse("""
            [server]
            host = "0.0.0.0"
            port = 9090
            [state]
            backend = "memory"
            [executor]
            max_retries = 5
            timeout_seconds = 7
            max_concurrent = 3
            [dedup]
            default_ttl_seconds = 60
            [audit]
            store_payload = false
            flush_interval_ms = 0
            [cluster]
            cluster_id = "prod"
            silo_port = 11111
            gateway_port = 30000
            idle_timeout_seconds = 90
            [telemetry]
            otlp_endpoint = "http://127.0.0.1:4317"
            [[providers]]
            name = "hooks"
            type = "webhook"
            url = "http://127.0.0.1:9000"
            """, "acteon.toml");

        Assert.Equal(("0.0.0.0", 9090), (config.Server.Host, config.Server.Port));
        Assert.Equal("memory", config.State.Backend);
        Assert.Equal((5, TimeSpan.FromSeconds(7), 3), (config.Executor.MaxRetries, config.Executor.Timeout, config.Executor.MaxConcurrent));
        Assert.Equal(TimeSpan.FromSeconds(60), config.Dispatch.DefaultDedupTtl);
        Assert.False(config.Audit.StorePayload);
        Assert.Equal(TimeSpan.Zero, config.Audit.FlushInterval);
        Assert.Equal(("prod", 11111, 30000, "local"), (config.Cluster.ClusterId, config.Cluster.SiloPort, config.Cluster.GatewayPort, config.Cluster.Membership));
        Assert.Equal(TimeSpan.FromSeconds(90), config.Cluster.IdleTimeout);
        Assert.Equal(new Uri("http://127.0.0.1:4317"), config.Telemetry.OtlpEndpoint);
        var provider = Assert.Single(config.Providers);
        Assert.Equal(("hooks", "webhook", "acteon.toml:22"), (provider.Name, provider.Type, provider.Location));
        Assert.Equal("http://127.0.0.1:9000", provider.Fields["url"]);
    }

    [Fact]
    public void Parse_RecurringSection_ReadsEveryKeyAndDefaultsTheRest()
    {
        var config = ConfigLoader.Parse("[recurring]\nmin_interval_seconds = 15\nretry_seconds = 2\n", "acteon.toml");
        var defaults = ConfigLoader.Parse("", "acteon.toml");

        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(2)),
            (config.Recurring.MinInterval, config.Recurring.MissedAfter, config.Recurring.RetryPeriod));
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(60)),
            (defaults.Recurring.MinInterval, defaults.Recurring.MissedAfter, defaults.Recurring.RetryPeriod));
    }

    [Fact]
    public void Parse_EmptyFile_GivesDefaults()
    {
        var config = ConfigLoader.Parse("", "acteon.toml");

        Assert.Equal(("127.0.0.1", 8080, "sqlite"), (config.Server.Host, config.Server.Port, config.State.Backend));
        Assert.Equal(TimeSpan.FromSeconds(300), config.Dispatch.DefaultDedupTtl);
        Assert.Equal(3, config.Executor.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(50), config.Audit.FlushInterval);
    }

    [Theory]
    [InlineData("[executor]\nmax_retries = \"three\"", "acteon.toml:2: [executor] max_retries: expected an integer, found the string \"three\"")]
    [InlineData("[server]\n\nport = 70000", "acteon.toml:3: [server] port: must be between 0 and 65535, not 70000")]
    [InlineData("[state]\nbackend = \"redis\"", "acteon.toml:2: [state] backend: must be one of")]
    [InlineData("[state]\nbackend = \"postgres\"", "[state] url: is required when backend = \"postgres\"")]
    [InlineData("[executor]\nmax_retry = 3", "acteon.toml:2: [executor] max_retry: unknown key")]
    [InlineData("[serverr]\nport = 1", "acteon.toml:1: unknown section or key 'serverr'")]
    [InlineData("[[providers]]\ntype = \"log\"", "acteon.toml:1: [providers[0]] name: is required")]
    [InlineData("[[providers]]\nname = \"a\"", "[providers[0]] type: is required for provider 'a'")]
    [InlineData("[server]\nport = 1\nport = 2", "acteon.toml:3:")]
    [InlineData("[server]\nport = 1\n[server]", "acteon.toml:3:")]
    [InlineData("server = { host = \"a\",\n  prot = 1 }", "acteon.toml:2: [server] prot: unknown key")]
    [InlineData("[audit]\nflush_interval_ms = -1", "acteon.toml:2: [audit] flush_interval_ms: must be between 0 and 60000, not -1")]
    [InlineData("[telemetry]\notlp_endpoint = \"localhost:4317\"", "acteon.toml:2: [telemetry] otlp_endpoint: must be an http:// or https:// URL")]
    [InlineData("[silo]\nnode_id = \"a\"", "acteon.toml:1: unknown section or key 'silo'")]
    [InlineData("[cluster]\nsilo_prot = 1", "acteon.toml:2: [cluster] silo_prot: unknown key")]
    [InlineData("[cluster]\nmembership = \"redis\"", "[cluster] redis_url: is required when membership = \"redis\"")]
    [InlineData("[cluster]\nmembership = \"redis\"\nredis_url = \",\"", "acteon.toml:3: [cluster] redis_url: is not a Redis connection string (for example \"127.0.0.1:6379\"): it names no host")]
    [InlineData("[cluster]\nmembership = \"postgres\"", "acteon.toml:2: [cluster] membership: = \"postgres\" needs [state] backend = \"postgres\"")]
    [InlineData("[cluster]\nrole = \"client\"", "acteon.toml:2: [cluster] role: = \"client\" needs a cluster to join")]
    [InlineData("[cluster]\nrole = \"gateway\"", "acteon.toml:2: [cluster] role: must be one of")]
    [InlineData("[cluster]\nadvertised_address = \"pod.local\"", "acteon.toml:2: [cluster] advertised_address: must be an IP address")]
    [InlineData("[cluster]\ngateway_port = 70000", "acteon.toml:2: [cluster] gateway_port: must be between 0 and 65535")]
    [InlineData("[recurring]\nmin_interval_second = 5", "acteon.toml:2: [recurring] min_interval_second: unknown key")]
    [InlineData("[recurring]\n\nmin_interval_seconds = 0", "acteon.toml:3: [recurring] min_interval_seconds: must be between 1 and 86400, not 0")]
    [InlineData("[recurring]\nmissed_after_seconds = \"5m\"", "acteon.toml:2: [recurring] missed_after_seconds: expected an integer")]
    [InlineData("[recurring]\nretry_seconds = 0", "acteon.toml:2: [recurring] retry_seconds: must be between 1 and 3600, not 0")]
    [InlineData("[server]\nrequest_timeout_seconds = 1", "acteon.toml:2: [server] request_timeout_seconds: must be between 2 and 3600")]
    public void Parse_BadValue_ErrorNamesFileLineAndKey(string toml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(toml, "acteon.toml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Missing_ErrorNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "acteon.toml");

        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.LoadFile(path));

        Assert.Equal($"{path}: configuration file not found", error.Message);
    }

    [Fact]
    public void LoadFile_InvalidUtf8_ErrorNamesTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".toml");
        File.WriteAllBytes(path, [.. "[server]\nhost = \""u8, 0xFF, .. "\"\n"u8]);
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.LoadFile(path));

            Assert.Equal($"{path}:2:9: not valid UTF-8 (TOML files must be UTF-8)", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_SampleConfig_Loads()
    {
        var config = ConfigLoader.LoadFile(Path.Combine(TestPaths.RepoRoot, "Gateway.Api", "acteon.toml"));

        Assert.Contains(config.Providers, p => p.Name == "log" && p.Type == "log");
        Assert.Equal("sqlite", config.State.Backend);
    }
}
