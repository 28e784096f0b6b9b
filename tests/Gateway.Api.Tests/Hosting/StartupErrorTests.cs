using System.Diagnostics;

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
    public async Task Start_WithUnknownFlag_ExitsWithUsage()
    {
        var (exitCode, stderr) = await RunGatewayAsync(Path.GetTempPath(), "--bogus");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: Gateway.Api", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr)> RunGatewayAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }
}
