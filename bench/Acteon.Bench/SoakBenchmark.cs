using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Acteon.Bench;

/// <summary>
/// <c>soak</c>: a real gateway process (Gateway.Api, SQLite or PostgreSQL), <c>--count</c> dispatches (default 100,000)
/// of which every 1,000th is a poison record (a trigger makes the store refuse its audit row, as a constraint would),
/// then SIGTERM right after the last answer. Then, from the store itself: every completed dispatch has its audit record,
/// every poison record is in the dead-letter table; and how long the stop took and what the gateway logged about it.
/// </summary>
internal static class SoakBenchmark
{
    private const int PoisonEvery = 1000;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var count = options.Count == BenchOptions.DefaultCount ? 100_000 : options.Count;
        var directory = Directory.CreateTempSubdirectory("acteon-soak-").FullName;
        await using var postgres = options.State == "postgres" ? await BenchPostgres.StartAsync() : null;
        var port = FreePort();
        var dbPath = Path.Combine(directory, "acteon.db");
        await File.WriteAllTextAsync(Path.Combine(directory, "acteon.toml"), $"""
            [server]
            port = {port}
            shutdown_timeout_seconds = 30
            [state]
            backend = "{(postgres is null ? "sqlite" : "postgres")}"
            path = "{dbPath}"
            {(postgres is null ? "" : $"url = \"{postgres.Url}\"")}
            [cluster]
            dashboard = false
            [[providers]]
            name = "log"
            type = "log"
            """);

        var gateway = Path.Combine(AppContext.BaseDirectory, "Gateway.Api.dll");
        if (await RunToEndAsync(directory, gateway, "migrate", "-c", "acteon.toml") != 0)
        {
            await Console.Error.WriteLineAsync("soak: migrate failed");
            return 1;
        }

        await RefusePoisonAsync(postgres?.Url, dbPath);
        var log = new ConcurrentQueue<string>();
        using var process = Start(directory, gateway, log, "-c", "acteon.toml");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        await WaitReadyAsync(http, process);

        Console.WriteLine($"soak: {count:N0} dispatches ({count / PoisonEvery:N0} poison), {options.Workers} workers, {(postgres is null ? "SQLite" : "PostgreSQL")}, gateway pid {process.Id}");
        var completed = new ConcurrentBag<string>();
        var poisonCompleted = new ConcurrentBag<string>();
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var poison = i % PoisonEvery == PoisonEvery - 1;
                var id = $"soak-{i}";
                using var response = await http.PostAsJsonAsync("v1/dispatch", new
                {
                    id, @namespace = "soak", tenant = "t", provider = "log", action_type = poison ? "poison" : "send", payload = new { i },
                });
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (response.IsSuccessStatusCode && body.RootElement.GetProperty("outcome").GetString() == "executed")
                {
                    (poison ? poisonCompleted : completed).Add(id);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var sending = clock.Elapsed;
        var backlog = (await http.GetFromJsonAsync<JsonElement>("health")).GetProperty("audit").GetProperty("backlog").GetInt32();

        var stop = Stopwatch.StartNew();
        Signal(process.Id, "TERM");
        await process.WaitForExitAsync();
        var stopped = stop.Elapsed;

        var (records, letters) = await ReadStoreAsync(postgres?.Url, dbPath);
        var missing = completed.Count(id => !records.Contains(id));
        var missingPoison = poisonCompleted.Count(id => !letters.Contains(id));
        var poisonInAudit = poisonCompleted.Count(records.Contains);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            sent in {sending.TotalSeconds:0.0} s ({count / sending.TotalSeconds:N0} req/s); completed {completed.Count + poisonCompleted.Count:N0}, failed {failures}
            audit backlog at SIGTERM: {backlog:N0} records; SIGTERM to exit: {stopped.TotalSeconds:0.00} s, exit code {process.ExitCode}
            completed dispatches: {completed.Count:N0}, with an audit record: {completed.Count - missing:N0}, missing: {missing}
            poison dispatches: {poisonCompleted.Count:N0}, in the dead-letter table: {poisonCompleted.Count - missingPoison:N0}, missing: {missingPoison}, in the audit table: {poisonInAudit}
            gateway's last audit line: {log.LastOrDefault(l => l.Contains("Audit queue drained", StringComparison.Ordinal) || l.Contains("could not be written", StringComparison.Ordinal)) ?? "(none)"}
            """));
        return failures == 0 && missing == 0 && missingPoison == 0 && poisonInAudit == 0 && process.ExitCode == 0 ? 0 : 1;
    }

    private static async Task RefusePoisonAsync(string? postgresUrl, string dbPath)
    {
        if (postgresUrl is not null)
        {
            await using var connection = new NpgsqlConnection(postgresUrl);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                CREATE OR REPLACE FUNCTION no_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.action_type = 'poison' THEN RAISE EXCEPTION 'no poison here'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER no_poison BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION no_poison();
                """, connection);
            await command.ExecuteNonQueryAsync();
            return;
        }

        using var sqlite = new SqliteConnection($"Data Source={dbPath};Pooling=false");
        sqlite.Open();
        using var create = sqlite.CreateCommand();
        create.CommandText = "CREATE TRIGGER no_poison BEFORE INSERT ON audit WHEN NEW.action_type = 'poison' BEGIN SELECT RAISE(ABORT, 'no poison here'); END;";
        create.ExecuteNonQuery();
    }

    private static async Task<(HashSet<string> Records, HashSet<string> Letters)> ReadStoreAsync(string? postgresUrl, string dbPath)
    {
        var records = new HashSet<string>(StringComparer.Ordinal);
        var letters = new HashSet<string>(StringComparer.Ordinal);
        if (postgresUrl is not null)
        {
            await using var connection = new NpgsqlConnection(postgresUrl);
            await connection.OpenAsync();
            await ReadAsync(new NpgsqlCommand("SELECT action_id FROM audit;", connection), records);
            await ReadAsync(new NpgsqlCommand("SELECT action_id FROM audit_dead_letter;", connection), letters);
            return (records, letters);
        }

        using var sqlite = new SqliteConnection($"Data Source={dbPath};Pooling=false");
        sqlite.Open();
        await ReadAsync(new SqliteCommand("SELECT action_id FROM audit;", sqlite), records);
        await ReadAsync(new SqliteCommand("SELECT action_id FROM audit_dead_letter;", sqlite), letters);
        return (records, letters);
    }

    private static async Task ReadAsync(System.Data.Common.DbCommand command, HashSet<string> into)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                into.Add(reader.GetString(0));
            }
        }
    }

    private static Process Start(string directory, string gateway, ConcurrentQueue<string> log, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(gateway);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Orleans"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(ConcurrentQueue<string> log, string? line)
    {
        if (line is not null)
        {
            log.Enqueue(line);
            while (log.Count > 10_000 && log.TryDequeue(out _))
            {
            }
        }
    }

    private static async Task<int> RunToEndAsync(string directory, string gateway, params string[] args)
    {
        using var process = Start(directory, gateway, new ConcurrentQueue<string>(), args);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("the gateway did not become ready");
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid.ToString(CultureInfo.InvariantCulture)}");
        kill.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
