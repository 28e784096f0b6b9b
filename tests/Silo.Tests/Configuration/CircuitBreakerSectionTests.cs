using Acteon.Silo.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Configuration;

public sealed class CircuitBreakerSectionTests
{
    private const string Providers = """
        [[providers]]
        name = "email"
        type = "log"
        [[providers]]
        name = "webhook"
        type = "log"
        [[providers]]
        name = "sms"
        type = "log"

        """;

    [Fact]
    public void Parse_DefaultsAndOverrides_EveryProviderHasItsOwnSettingsAndFallback()
    {
        var config = ConfigLoader.Parse(Providers + """
            [circuit_breaker]
            enabled = true
            failure_threshold = 3
            recovery_timeout_seconds = 30
            [circuit_breaker.providers.email]
            failure_threshold = 1
            fallback_provider = "webhook"
            """, "acteon.toml");

        var o = config.CircuitBreaker;
        Assert.True(o.Enabled);
        Assert.Equal((3, 2, TimeSpan.FromSeconds(30)), (o.SettingsOf("sms").FailureThreshold, o.SettingsOf("sms").SuccessThreshold, o.SettingsOf("sms").RecoveryTimeout));
        Assert.Equal((1, 2, TimeSpan.FromSeconds(30)), (o.SettingsOf("email").FailureThreshold, o.SettingsOf("email").SuccessThreshold, o.SettingsOf("email").RecoveryTimeout));
        Assert.Equal("webhook", o.FallbackOf("email"));
        Assert.Null(o.FallbackOf("sms"));
    }

    [Fact]
    public void Parse_NoSection_DisabledWithTheSeedDefaults()
    {
        var o = ConfigLoader.Parse(Providers, "acteon.toml").CircuitBreaker;

        Assert.False(o.Enabled);
        Assert.Equal((5, 2, TimeSpan.FromSeconds(60)), (o.Defaults.FailureThreshold, o.Defaults.SuccessThreshold, o.Defaults.RecoveryTimeout));
    }

    [Theory]
    [InlineData("[circuit_breaker]\nfailure_threshold = 0", "acteon.toml:11: [circuit_breaker] failure_threshold: must be between 1")]
    [InlineData("[circuit_breaker]\nsuccess_threshold = 0", "acteon.toml:11: [circuit_breaker] success_threshold: must be between 1")]
    [InlineData("[circuit_breaker]\nrecovery_timeout_seconds = 0", "acteon.toml:11: [circuit_breaker] recovery_timeout_seconds: must be between 1")]
    [InlineData("[circuit_breaker]\nfailure_treshold = 3", "acteon.toml:11: [circuit_breaker] failure_treshold: unknown key")]
    [InlineData("[circuit_breaker.providers.email]\nsuccess_threshold = 0", "acteon.toml:11: [circuit_breaker.providers.email] success_threshold: must be between 1")]
    [InlineData("[circuit_breaker.providers.email]\nfallback_provider = \"email\"", "acteon.toml:11: [circuit_breaker.providers.email] fallback_provider: a provider cannot be its own fallback")]
    [InlineData("[circuit_breaker.providers.email]\nfallback_provider = \"fax\"", "acteon.toml:11: [circuit_breaker.providers.email] fallback_provider: \"fax\" is not a configured provider")]
    [InlineData("[circuit_breaker.providers.fax]\nfailure_threshold = 2", "[circuit_breaker.providers.fax]: 'fax' is not a configured provider")]
    [InlineData("[circuit_breaker.providers.email]\nfallback = \"sms\"", "acteon.toml:11: [circuit_breaker.providers.email] fallback: unknown key")]
    public void Parse_BadSetting_StartUpErrorNamingFileLineAndKey(string toml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(Providers + toml, "acteon.toml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FallbackCycle_StartUpErrorShowingTheCycle()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(Providers + """
            [circuit_breaker.providers.email]
            fallback_provider = "webhook"
            [circuit_breaker.providers.webhook]
            fallback_provider = "sms"
            [circuit_breaker.providers.sms]
            fallback_provider = "email"
            """, "acteon.toml"));

        Assert.Contains("fallback_provider: fallback cycle: email → webhook → sms → email", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("acteon.toml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ServerStreamKeys_AreRead()
    {
        var server = ConfigLoader.Parse("""
            [server]
            max_sse_connections_per_tenant = 3
            sse_enabled = false
            sse_replay_buffer = 50
            sse_client_buffer = 8
            """, "acteon.toml").Server;

        Assert.Equal((3, false, 50, 8), (server.MaxSseConnectionsPerTenant, server.SseEnabled, server.SseReplayBuffer, server.SseClientBuffer));
    }
}
