using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Acteon.Cluster.Tests.Support;

/// <summary>One real <c>Gateway.Api</c> process with its own directory, port and acteon.toml.</summary>
public sealed class GatewayNode : IAsyncDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GatewayNode(string id, int port, string directory, Process process)
    {
        (Id, Port, Directory, _process) = (id, port, directory, process);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Limit };
        Capture();
    }

    public string Id { get; }

    public int Port { get; }

    public string Directory { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The acteon.toml of a cluster node on <paramref name="url"/>; <paramref name="extra"/> is appended.</summary>
    public static string Config(string id, int port, string url, Uri webhook, string extra = "", string cluster = "", string server = "") => $"""
        [server]
        host = "127.0.0.1"
        port = {port}
        shutdown_timeout_seconds = 20
        {server}

        [state]
        backend = "postgres"
        url = "{url}"

        [executor]
        max_retries = 0
        timeout_seconds = 20

        [audit]
        batch_size = 50

        [rules]
        directory = "rules"
        watch = false

        [cluster]
        silo_name = "{id}"
        {cluster}

        [[providers]]
        name = "hook"
        type = "webhook"
        url = "{webhook}"
        timeout_seconds = 20
        headers = {"{"} "X-Source" = "{id}" {"}"}
        {extra}
        """;

    public static int FreePort() => Acteon.Tests.Shared.Loopback.FreePort();

    /// <summary>Starts the process and waits until <c>/health/live</c> answers; <paramref name="extra"/> is appended to its acteon.toml.</summary>
    public static async Task<GatewayNode> StartAsync(string id, string url, Uri webhook, string rules = "rules: []\n", string cluster = "", string server = "", string extra = "")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"acteon-{id}-").FullName;
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), Config(id, port, url, webhook, extra, cluster, server));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "rules"));
        await File.WriteAllTextAsync(Path.Combine(directory, "rules", "rules.yaml"), rules);
        var node = new GatewayNode(id, port, directory, Launch(directory, "-c", "acteon.toml"));
        await node.WaitUntilLiveAsync();
        return node;
    }

    /// <summary>
    /// A worker-only silo (<c>Acteon.Silo</c>, no HTTP) with <paramref name="config"/> as its acteon.toml; waits until
    /// its Orleans gateway port accepts connections, which it opens once the silo is active.
    /// </summary>
    public static async Task<GatewayNode> StartSiloAsync(string id, int gatewayPort, string config)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"acteon-{id}-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), config);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "rules"));
        await File.WriteAllTextAsync(Path.Combine(directory, "rules", "rules.yaml"), "rules: []\n");
        var node = new GatewayNode(id, gatewayPort, directory, LaunchProgram("Acteon.Silo.dll", directory, "-c", "acteon.toml"));
        await Until.TrueAsync(async () =>
        {
            Assert.False(node.HasExited, $"silo {id} exited during start-up: {node.Output}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, gatewayPort);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, $"silo {id} to open its gateway port {gatewayPort}", TimeSpan.FromSeconds(60));
        return node;
    }

    /// <summary>Runs <c>Gateway.Api</c> with <paramref name="args"/> in <paramref name="directory"/> to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(string directory, params string[] args)
    {
        using var process = Launch(directory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), JsonContent(body));
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent(body) };
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, doc.RootElement.Clone());
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Sends a signal (TERM, STOP, CONT, ...) to the process.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGTERM: a graceful stop; waits for the exit.</summary>
    public async Task<int> TerminateAsync()
    {
        await SignalAsync("TERM");
        using var limit = new CancellationTokenSource(Limit);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process vanishes at once.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var limit = new CancellationTokenSource(Limit);
        await _process.WaitForExitAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        Client.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned up by the system.
        }
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static Process Launch(string directory, params string[] args) => LaunchProgram("Gateway.Api.dll", directory, args);

    private static Process LaunchProgram(string program, string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private void Capture()
    {
        void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var limit = new CancellationTokenSource(Limit);
        while (true)
        {
            Assert.False(_process.HasExited, $"node {Id} exited during start-up: {Output}");
            try
            {
                using var response = await Client.GetAsync(new Uri("/health/live", UriKind.Relative), limit.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
        }
    }
}
