using System.Diagnostics;
using System.Text.Json;

namespace Acteon.Providers.Aws.Tests.Support;

/// <summary>Runs the AWS CLI or python3/boto3 against the emulator with dummy credentials and no outside configuration.</summary>
internal sealed class ExternalClient(Uri endpoint, string accessKey, string secretKey) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("acteon-aws-cli-").FullName;

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, IEnumerable<string> arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = _home,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var empty = Path.Combine(_home, "empty");
        File.WriteAllText(empty, "");
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secretKey;
        start.Environment.Remove("AWS_SESSION_TOKEN");
        start.Environment.Remove("AWS_PROFILE");
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = empty;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = empty;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_RETRY_MODE"] = "standard";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["HOME"] = _home;
        start.Environment["ENDPOINT"] = endpoint.ToString();
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary><c>aws --endpoint-url ... --output json {args}</c>; expects success and returns the parsed output (or default when empty).</summary>
    public async Task<JsonElement> AwsAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync("aws", ["--endpoint-url", endpoint.ToString(), "--output", "json", .. args]);
        Assert.True(code == 0, $"aws {string.Join(' ', args)} exited {code}: {stderr}");
        if (string.IsNullOrWhiteSpace(stdout))
        {
            return default;
        }

        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    /// <summary>Expects the CLI to fail; returns its error output.</summary>
    public async Task<string> AwsFailsAsync(params string[] args)
    {
        var (code, _, stderr) = await RunAsync("aws", ["--endpoint-url", endpoint.ToString(), "--output", "json", .. args]);
        Assert.NotEqual(0, code);
        return stderr;
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
