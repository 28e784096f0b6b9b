using System.Diagnostics;
using System.Net.Sockets;

namespace Acteon.Bench.Alertmanager;

/// <summary>
/// Prometheus Alertmanager (Debian's <c>prometheus-alertmanager</c>) on 127.0.0.1 and a free port, clustering off,
/// routing every alert by its <c>group</c> label to the counter's webhook. Killed and deleted at the end.
/// </summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";
    private readonly Process _process;
    private readonly string _directory;

    private AlertmanagerProcess(Process process, string directory, Uri url) => (_process, _directory, Url) = (process, directory, url);

    public Uri Url { get; }

    /// <summary>CPU time (user and system) Alertmanager's process has used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<AlertmanagerProcess> StartAsync(Uri webhook, TimeSpan groupWait, TimeSpan groupInterval)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} not found; install it with: apt-get install prometheus-alertmanager");
        }

        var directory = Directory.CreateTempSubdirectory("acteon-bench-am-").FullName;
        var config = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(config, $"""
            route:
              receiver: counter
              group_by: [group]
              group_wait: {(int)groupWait.TotalSeconds}s
              group_interval: {(int)groupInterval.TotalSeconds}s
              repeat_interval: 12h
            receivers:
              - name: counter
                webhook_configs:
                  - url: {webhook}
                    send_resolved: false
            """);
        var port = FreePort();
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                $"--config.file={config}", $"--storage.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var ready = Stopwatch.StartNew(); ; await Task.Delay(50))
        {
            if (ready.Elapsed > TimeSpan.FromSeconds(30) || process.HasExited)
            {
                throw new InvalidOperationException($"Alertmanager did not become ready on {url}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(url, "/-/ready"))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
        }

        return new AlertmanagerProcess(process, directory, url);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
