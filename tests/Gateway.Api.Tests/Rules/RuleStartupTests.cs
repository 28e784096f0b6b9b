using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Rules;

/// <summary>The real program refuses to start with a rule file it cannot load.</summary>
public sealed class RuleStartupTests
{
    [Fact]
    public async Task Start_WithABrokenRuleFile_ExitsWithCode2NamingFileAndLine()
    {
        var directory = Directory.CreateTempSubdirectory("acteon-bad-rules").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "rules"));
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), "[state]\nbackend = \"memory\"\n\n[rules]\ndirectory = \"rules\"\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "rules", "ok.yaml"), "rules:\n  - name: fine\n    condition: {field: action.id, eq: x}\n    action: {type: allow}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "rules", "bad.yaml"), "rules:\n  - name: r\n    condition:\n      field: action.tenant\n      gt: 5\n    action: {type: allow}\n");

        var (exitCode, stderr, _) = await GatewayProcess.RunAsync(directory, "-c", "acteon.toml", "--port", "0");

        Assert.Equal(2, exitCode);
        Assert.Contains("rules/bad.yaml:5: rule 'r': 'gt 5' can never match", stderr, StringComparison.Ordinal);
    }
}
