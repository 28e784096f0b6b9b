using System.Diagnostics;
using Acteon.Tests.Shared;

namespace Acteon.Providers.Aws.Tests.S3;

/// <summary>
/// s3rver 3.7.1 (npm), a third-party S3 server: installed into a cache folder on first use, started on a free
/// loopback port with the bucket "archive", and stopped afterwards.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    private const string Version = "3.7.1";
    private static readonly string InstallDir = Path.Combine(Path.GetTempPath(), $"acteon-s3rver-{Version}");
    private readonly string _dataDir = Directory.CreateTempSubdirectory("acteon-s3rver-data-").FullName;
    private Process? _server;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var script = Path.Combine(InstallDir, "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            await RunAsync("npm", ["install", "--prefix", InstallDir, $"s3rver@{Version}", "--no-audit", "--no-fund"]);
        }

        var port = Loopback.FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-d", _dataDir, "--configure-bucket", "archive", "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(Endpoint);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("s3rver did not start within 10 s");
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(5000);
        }

        _server?.Dispose();
        Directory.Delete(_dataDir, recursive: true);
        return Task.CompletedTask;
    }


    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await stderr}");
        }
    }
}
