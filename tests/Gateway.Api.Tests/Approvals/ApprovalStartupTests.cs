using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Approvals;

/// <summary>The real program refuses to start with an approval rule and no key to sign its links.</summary>
public sealed class ApprovalStartupTests
{
    [Fact]
    public async Task Start_ApprovalRuleWithoutApprovalKeys_ExitsWithCode2NamingTheSetting()
    {
        var directory = Directory.CreateTempSubdirectory("acteon-no-keys").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "rules"));
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"),
            "[state]\nbackend = \"memory\"\n\n[rules]\ndirectory = \"rules\"\n\n[[providers]]\nname = \"log\"\ntype = \"log\"\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "rules", "approve.yaml"),
            "rules:\n  - name: human\n    condition: {field: action.id, eq: x}\n    action: {type: request_approval, notify_provider: log}\n");

        var (exitCode, stderr, _) = await GatewayProcess.RunAsync(directory, "-c", "acteon.toml", "--port", "0");

        Assert.Equal(2, exitCode);
        Assert.Contains("rules/approve.yaml:4: rule 'human': a request_approval rule needs [server] approval_keys", stderr, StringComparison.Ordinal);
    }
}
