using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Acteon.Bench;

/// <summary>
/// A throw-away PostgreSQL for the <c>cluster</c> mode (unless <c>ACTEON_BENCH_PG_URL</c> names one): initdb into a
/// temporary directory (as user postgres when run as root), 127.0.0.1 on a free port, fsync off. Deleted at the end.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private BenchPostgres(string bin, string directory, int port) => (_bin, _directory, Url) = (bin, directory, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=64");

    public string Url { get; }

    public static async Task<BenchPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).First();
        var directory = Directory.CreateTempSubdirectory("acteon-bench-pg-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var server = new BenchPostgres(bin, directory, port);
        await server.RunAsync("initdb", "-D", Path.Combine(directory, "data"), "-U", "postgres", "-A", "trust", "--no-sync", "--no-instructions");
        await File.AppendAllTextAsync(Path.Combine(directory, "data", "postgresql.conf"), string.Create(CultureInfo.InvariantCulture,
            $"\nlisten_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{directory}'\nfsync = off\nsynchronous_commit = off\nmax_connections = 300\n"));
        await server.RunAsync("pg_ctl", "-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w", "start");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_directory, recursive: true);
    }

    private async Task RunAsync(string tool, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(_bin, tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asRoot)
        {
            using (var chown = Process.Start("chown", ["postgres", _directory])!)
            {
                await chown.WaitForExitAsync();
            }

            foreach (var arg in new[] { "-u", "postgres", "--", Path.Combine(_bin, tool) })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {await output}");
        }
    }
}
