using System.Diagnostics;
using Xunit;

namespace Acteon.Silo.Tests.Configuration.Toml;

/// <summary>Runs the built TomlTestDecoder as a real process, the way toml-test drives it.</summary>
public sealed class TomlTestDecoderProcessTests
{
    [Fact]
    public async Task Decoder_ValidDocument_WritesTaggedJsonAndExitsZero()
    {
        var tomlPath = Path.Combine(TomlTestSuiteTests.SuiteRoot, "valid", "spec-1.0.0", "table-7.toml");

        var (exitCode, stdout, stderr) = await RunDecoderAsync(await File.ReadAllBytesAsync(tomlPath));

        Assert.True(exitCode == 0, $"exit code {exitCode}, stderr: {stderr}");
        TomlTestSuiteTests.AssertTaggedJsonEqual(await File.ReadAllTextAsync(Path.ChangeExtension(tomlPath, ".json")), stdout);
    }

    [Theory]
    [InlineData("invalid/table/super-twice.toml")]
    [InlineData("invalid/encoding/bad-utf8-in-comment.toml")]
    public async Task Decoder_InvalidDocument_ExitsOne(string relativePath)
    {
        var tomlPath = Path.Combine(TomlTestSuiteTests.SuiteRoot, relativePath);

        var (exitCode, stdout, stderr) = await RunDecoderAsync(await File.ReadAllBytesAsync(tomlPath));

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.NotEmpty(stderr);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunDecoderAsync(byte[] input)
    {
        var decoder = Path.Combine(AppContext.BaseDirectory, "TomlTestDecoder.dll");
        Assert.True(File.Exists(decoder), $"{decoder} was not copied to the test output");
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(decoder);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.BaseStream.WriteAsync(input, timeout.Token);
        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
