using System.Diagnostics;
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

        var (exitCode, stderr, stdout) = await RunAsync(directory, "-c", "acteon.toml", "--port", "0");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("acteon: rules could not be loaded: ", line, StringComparison.Ordinal);
        Assert.Contains("a.yaml:4: rule 'r': unknown action type 'explode'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithPostgresUnreachable_OneLineOnStderrNoStackTraceExitCode3()
    {
        var directory = Directory.CreateTempSubdirectory("acteon-no-store").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"),
            $"[state]\nbackend = \"postgres\"\nurl = \"Host=127.0.0.1;Port={Loopback.FreePort()};Username=x;Password=y;Database=z\"\n");

        var (exitCode, stderr, stdout) = await RunAsync(directory, "-c", "acteon.toml", "--port", "0");

        Assert.Equal(3, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("acteon: state store unavailable: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
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
        var (exitCode, stderr, _) = await RunAsync(workingDirectory, args);
        return (exitCode, stderr);
    }

    private static async Task<(int ExitCode, string Stderr, string Stdout)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr, await stdout);
    }
}
