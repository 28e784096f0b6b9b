using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Acteon.Cluster.Tests.Support;

/// <summary>A throw-away <c>redis-server</c> (Debian's) on 127.0.0.1 and a free port, nothing saved; killed on dispose.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/redis-server";
    private readonly Process _process;

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    /// <summary>The connection string Orleans' Redis clustering takes.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"Redis is not installed: no {Binary} (apt-get install -y redis-server)");
        }

        var port = GatewayNode.FreePort();
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        var server = new RedisServer(Process.Start(start)!, port);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await Until.TrueAsync(server.PingAsync, $"redis-server on port {port} to answer PING");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
