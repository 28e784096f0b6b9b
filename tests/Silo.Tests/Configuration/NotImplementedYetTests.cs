using Acteon.Silo.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Configuration;

/// <summary>Every section and key of a feature the gateway does not have is a start-up error, never accepted and ignored.</summary>
public sealed class NotImplementedYetTests
{
    [Theory]
    [InlineData("[background]\nenabled = true\n", "acteon.toml:2: [background] configures background processing")]
    [InlineData("[llm_guardrail]\nenabled = true\n", "acteon.toml:2: [llm_guardrail] configures the LLM guardrail")]
    public void Parse_SectionOfAFeatureNotImplemented_FailsNamingFileLineAndSection(string toml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("# acteon\n" + toml, "acteon.toml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("which is not implemented yet in this gateway; remove the section", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server", "cors_allowed_origins", "[\"https://a.example.com\"]", "CORS")]
    [InlineData("server", "max_concurrent_dispatch", "100", "a limit on concurrent dispatches")]
    [InlineData("executor", "dlq_enabled", "true", "the executor's dead-letter queue")]
    [InlineData("audit", "backend", "\"postgres\"", "a separate audit backend")]
    public void Parse_KeyOfAFeatureNotImplemented_FailsNamingFileLineAndKey(string section, string key, string value, string feature)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse($"[{section}]\n{key} = {value}\n", "acteon.toml"));

        Assert.StartsWith($"acteon.toml:2: [{section}] {key} configures {feature}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("which is not implemented yet in this gateway; remove the key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AuditDeadLetterAndReadiness_Read()
    {
        var config = ConfigLoader.Parse("[audit]\nqueue_capacity = 1000\ndead_letter_capacity = 50\nreadiness_backlog = 200\n", "acteon.toml");

        Assert.Equal(50, config.Audit.DeadLetterCapacity);
        Assert.Equal(200, config.Audit.EffectiveReadinessBacklog);
        Assert.Equal(500, ConfigLoader.Parse("[audit]\nqueue_capacity = 1000\n", "acteon.toml").Audit.EffectiveReadinessBacklog);
    }

    [Fact]
    public void Parse_ReadinessBacklogAboveTheQueue_Fails()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("[audit]\nqueue_capacity = 100\nreadiness_backlog = 200\n", "acteon.toml"));

        Assert.Equal("acteon.toml:3: [audit] readiness_backlog: must be between 1 and 100, not 200", error.Message);
    }
}
