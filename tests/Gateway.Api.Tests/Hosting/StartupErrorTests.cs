using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;

namespace Acteon.Gateway.Api.Tests.Hosting;

/// <summary>Start-up errors stop the real program with a message naming file, line and key.</summary>
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData("[executor]\nmax_retries = -1\n", "bad.toml:2: [executor] max_retries: must be between 0 and 100, not -1")]
    [InlineData("[[providers]]\nname = \"x\"\ntype = \"carrier-pigeon\"\n", "bad.toml:1: provider 'x': unknown type 'carrier-pigeon'")]
    [InlineData("[[providers]]\nname = \"h\"\ntype = \"webhook\"\n", "bad.toml:1: provider 'h' (webhook): 'url' is required")]
    [InlineData("[[providers]]\nname = \"l\"\ntype = \"log\"\n[[providers]]\nname = \"l\"\ntype = \"log\"\n", "provider name 'l' is used twice")]
    [InlineData("key = \n", "bad.toml:1:")]
    [InlineData("[auth]\nenabled = true\n", "bad.toml:2: [auth] enabled = true needs jwt_secret")]
    [InlineData("[server]\nmax_concurrent_dispatch = 5\n", "bad.toml:2: [server] max_concurrent_dispatch configures a limit on concurrent dispatches, which is not implemented yet")]
    public async Task Start_WithBadConfig_ExitsWithCode2AndNamesTheProblem(string toml, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("acteon-bad-config").FullName;
        var path = Path.Combine(directory, "bad.toml");
        await File.WriteAllTextAsync(path, toml);

        var (exitCode, stderr) = await RunGatewayAsync(directory, "-c", "bad.toml", "--port", "0");

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithABadRuleFile_OneLineOnStderrNoStackTraceExitCode2()
    {
        var directory = Directory.CreateTempSubdirectory("acteon-bad-rules").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "rules"));
        await File.WriteAllTextAsync(Path.Combine(directory, "rules", "a.yaml"), "rules:\n  - name: r\n    condition: {field: action.id, eq: x}\n    action: {type: explode}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), "[state]\nbackend = \"memory\"\n[rules]\ndirectory = \"rules\"\n");

        var (exitCode, stderr, stdout) = await GatewayProcess.RunAsync(directory, "-c", "acteon.toml", "--port", "0");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("acteon: rules could not be loaded: ", line, StringComparison.Ordinal);
        Assert.Contains("a.yaml:4: rule 'r': unknown action type 'explode'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", stdout, StringComparison.Ordinal);
    }

    /// <remarks>
    /// PostgreSQL as the state store is the membership store too (<c>[cluster] membership</c> follows <c>[state]</c>): exit 3;
    /// Redis as the membership store of its own: exit 4. Each for a silo and for a client.
    /// </remarks>
    [Theory]
    [InlineData("postgres", "silo")]
    [InlineData("postgres", "client")]
    [InlineData("redis", "silo")]
    [InlineData("redis", "client")]
    public async Task Start_WithTheStoreUnreachable_OneLineNamingHostAndPortNoStackTraceItsExitCode(string store, string role)
    {
        var port = Loopback.FreePort();
        var (state, cluster, expectedExit, expectedStart) = store == "postgres"
            ? ($"backend = \"postgres\"\nurl = \"Host=127.0.0.1;Port={port};Username=x;Password=y;Database=z\"\n", "", 3, "acteon: state store unavailable: ")
            : ("backend = \"memory\"\n", $"membership = \"redis\"\nredis_url = \"127.0.0.1:{port}\"\n", 4,
                $"acteon: cluster membership store unavailable: cannot reach Redis at 127.0.0.1:{port} ([cluster] redis_url): ");

        var (exitCode, line) = await StartWithAsync($"[state]\n{state}[cluster]\nrole = \"{role}\"\n{cluster}");

        Assert.Equal(expectedExit, exitCode);
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts the program on <paramref name="toml"/> as acteon.toml; stderr must be exactly one <c>acteon:</c> line, and
    /// neither stream may hold a stack trace or the host's own start-up failure.
    /// </summary>
    private static async Task<(int ExitCode, string Line)> StartWithAsync(string toml)
    {
        var directory = Directory.CreateTempSubdirectory("acteon-startup").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), toml);

        var (exitCode, stderr, stdout) = await GatewayProcess.RunAsync(directory, "-c", "acteon.toml", "--port", "0");

        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("acteon: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", stdout, StringComparison.Ordinal);
        return (exitCode, line);
    }

    [Fact]
    public async Task Start_WithUnknownFlag_ExitsWithUsage()
    {
        var (exitCode, stderr) = await RunGatewayAsync(Path.GetTempPath(), "--bogus");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: Gateway.Api", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr)> RunGatewayAsync(string workingDirectory, params string[] args)
    {
        var (exitCode, stderr, _) = await GatewayProcess.RunAsync(workingDirectory, args);
        return (exitCode, stderr);
    }
}
