using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Acteon.Tests.Shared;

/// <summary>
/// A throw-away PostgreSQL server for tests: initdb into a temporary directory (as user postgres when the tests run
/// as root), listening on 127.0.0.1 on a free port with its socket in that directory, fsync off. Stopped and deleted
/// on dispose. Share one per test run through a collection fixture and give each test class its own database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(60);
    private readonly string _bin;
    private readonly string _directory;
    private readonly string _data;
    private readonly bool _asPostgres;
    private int _databases;

    private PostgresServer(string bin, string directory, bool asPostgres, int port)
    {
        (_bin, _directory, _asPostgres, Port) = (bin, directory, asPostgres, port);
        _data = Path.Combine(directory, "data");
    }

    public int Port { get; }

    /// <summary>Connection string of the <c>postgres</c> database (superuser, trust authentication).</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb (apt-get install -y postgresql)");
        }

        var directory = Directory.CreateTempSubdirectory("acteon-pg-").FullName;
        var asPostgres = Environment.UserName == "root";
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }

        var server = new PostgresServer(bin, directory, asPostgres, Loopback.FreePort());
        await server.RunAsync("initdb", "-D", server._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions");
        await File.AppendAllTextAsync(Path.Combine(server._data, "postgresql.conf"), string.Join('\n',
            "listen_addresses = '127.0.0.1'",
            $"port = {server.Port}",
            $"unix_socket_directories = '{directory}'",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "max_connections = 300",
            "shared_buffers = 64MB",
            ""));
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix.ToLowerInvariant()}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
        // The gateway's own defaults (3 s to connect, 10 s a command) fail fast against a store that hangs; on a CI
        // machine loaded by parallel test projects a new backend can take longer than that to start, and the gateway's
        // start-up then ends early as "state store unavailable" (exit 3; in a WebApplicationFactory test: "The server
        // has not been started", seen once). A stopped server still refuses at once.
        Timeout = 30,
        CommandTimeout = 60,
    }.ConnectionString;

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public Task StartServerAsync() =>
        RunAsync("pg_ctl", "-D", _data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "start");

    /// <summary>Stops the server at once (clients see their connections closed).</summary>
    public async Task StopServerAsync()
    {
        await RunAsync("pg_ctl", "-D", _data, "-m", "fast", "-w", "stop");

        // This process's pooled connections are dead now; later tests must not get one.
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_directory, recursive: true);
    }


    private async Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(_asPostgres ? "runuser" : Path.Combine(_bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        if (_asPostgres)
        {
            foreach (var arg in new[] { "-u", "postgres", "--", Path.Combine(_bin, tool) })
            {
                start.ArgumentList.Add(arg);
            }

            if (tool == "initdb")
            {
                await ChownAsync();
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(CommandLimit);
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            var output = $"{await stdout} {await stderr}";
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{tool} exited with {process.ExitCode}: {output}"));
        }
    }

    private async Task ChownAsync()
    {
        using var chown = Process.Start("chown", ["postgres", _directory])!;
        await chown.WaitForExitAsync();
    }
}
