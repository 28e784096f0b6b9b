using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Acteon.Gateway.Api.Hosting;
using Acteon.Silo.Configuration;

namespace Acteon.Bench.Alertmanager;

/// <summary>
/// <c>alertmanager</c> mode: the same stream of alerts (<see cref="AlertStream"/>) posted in batches to Prometheus
/// Alertmanager's <c>/api/v2/alerts</c> and to the gateway's (grouped by a <c>group</c> rule on SQLite, then on
/// PostgreSQL). Each side gets a warm-up stream of other label sets first. Reported: ingestion (alerts/s, until the
/// last batch is answered) and the time from the first post until every group had its notification and until the
/// notifications had carried every alert, at the webhook both notify.
/// </summary>
internal static class AlertmanagerBenchmark
{
    private const int Posters = 4;
    private static readonly TimeSpan GroupWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var counter = await NotificationCounter.StartAsync();
        var results = new List<(string System, bool ByGroup, Result Result)>();
        await using (var alertmanager = await AlertmanagerProcess.StartAsync(counter.Url, GroupWait, GroupWait))
        {
            foreach (var byGroup in new[] { false, true })
            {
                results.Add(("Alertmanager 0.25 (memory)", byGroup, await MeasureAsync(new Uri(alertmanager.Url, "/api/v2/alerts"), counter, byGroup, () => alertmanager.Cpu)));
            }
        }

        await using (var gateway = await StartGatewayAsync(counter.Url, "sqlite", null))
        {
            foreach (var byGroup in new[] { false, true })
            {
                results.Add(("gateway, SQLite", byGroup, await MeasureAsync(gateway.Url, counter, byGroup, ProcessCpu)));
            }
        }

        await using (var postgres = await BenchPostgres.StartAsync())
        await using (var gateway = await StartGatewayAsync(counter.Url, "postgres", postgres.Url))
        {
            foreach (var byGroup in new[] { false, true })
            {
                results.Add(("gateway, PostgreSQL", byGroup, await MeasureAsync(gateway.Url, counter, byGroup, ProcessCpu)));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{AlertStream.Count} alerts ({AlertStream.Groups} groups), batches of {AlertStream.BatchSize}, {Posters} posters; group_wait {GroupWait.TotalSeconds:0} s on both"));
        Console.WriteLine($"{"system",-28} {"batches",-12} {"alerts/s",10} {"ingest s",9} {"every group s",14} {"all alerts s",13} {"notifications",14} {"cpu µs/alert",13}");
        foreach (var (system, byGroup, r) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{system,-28} {(byGroup ? "by group" : "interleaved"),-12} {r.Rate,10:0} {r.Ingest.TotalSeconds,9:0.00} {r.EveryGroup.TotalSeconds,14:0.00} {r.AllAlerts.TotalSeconds,13:0.00} {r.Notifications,14} {r.CpuPerAlert.TotalMicroseconds,13:0}"));
        }

        foreach (var byGroup in new[] { false, true })
        {
            var rates = results.Where(r => r.ByGroup == byGroup).Select(r => r.Result.Rate).ToList();
            var (sqlite, postgresRatio) = (rates[1] / rates[0], rates[2] / rates[0]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingestion vs Alertmanager ({(byGroup ? "by group" : "interleaved")}): SQLite {sqlite:0.00}x (target >= 2x: {(sqlite >= 2 ? "met" : "NOT met")}), PostgreSQL {postgresRatio:0.00}x (target >= 1x: {(postgresRatio >= 1 ? "met" : "NOT met")})"));
        }

        return 0;
    }

    /// <summary>The gateway runs in this process, beside the posters (whose share is small: they send prepared bytes).</summary>
    private static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static async Task<Result> MeasureAsync(Uri url, NotificationCounter counter, bool byGroup, Func<TimeSpan> cpu)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        counter.Reset();
        await PostAllAsync(http, url, AlertStream.Batches($"Warmup{(byGroup ? "ByGroup" : "")}", byGroup));
        await counter.WaitAsync(AlertStream.Groups, AlertStream.Count, Limit);

        var batches = AlertStream.Batches($"BenchLoad{(byGroup ? "ByGroup" : "")}", byGroup);
        counter.Reset();
        var cpuBefore = cpu();
        var ingest = Stopwatch.StartNew();
        await PostAllAsync(http, url, batches);
        ingest.Stop();
        var cpuPerAlert = (cpu() - cpuBefore) / AlertStream.Count;
        var (everyGroup, allAlerts) = await counter.WaitAsync(AlertStream.Groups, AlertStream.Count, Limit);
        return new Result(AlertStream.Count / ingest.Elapsed.TotalSeconds, ingest.Elapsed, everyGroup, allAlerts, counter.Notifications, cpuPerAlert);
    }

    private static async Task PostAllAsync(HttpClient http, Uri url, List<byte[]> batches)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Posters).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                using var content = new ByteArrayContent(batches[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(url, content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
    }

    private static async Task<Gateway> StartGatewayAsync(Uri webhook, string backend, string? url)
    {
        var directory = Directory.CreateTempSubdirectory("acteon-bench-alerts-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "rules"));
        await File.WriteAllTextAsync(Path.Combine(directory, "rules", "group.yaml"), string.Create(CultureInfo.InvariantCulture, $$"""
            rules:
              - name: group-alerts
                condition: {field: action.action_type, eq: alert}
                action: {type: group, group_by: [metadata.group], group_wait_seconds: {{GroupWait.TotalSeconds}}, group_interval_seconds: {{GroupWait.TotalSeconds}}, max_group_size: 100000}
            """));
        var state = backend == "postgres" ? $"backend = \"postgres\"\nurl = \"{url}\"" : $"backend = \"sqlite\"\npath = \"{Path.Combine(directory, "acteon.db")}\"";
        var text = $"""
            [server]
            host = "127.0.0.1"
            port = 0

            [state]
            {state}

            [audit]
            enabled = true

            [rules]
            directory = "rules"
            watch = false

            [[providers]]
            name = "counter"
            type = "webhook"
            url = "{webhook}"
            timeout_seconds = 30

            [alertmanager]
            namespace = "alerts"
            tenant = "bench"
            provider = "counter"
            """;
        var path = Path.Combine(directory, "acteon.toml");
        await File.WriteAllTextAsync(path, text);
        var builder = GatewayHosting.CreateBuilder([], directory);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddActeonGateway(ConfigLoader.Parse(text, path));
        var app = builder.Build();
        await app.MapActeonGatewayAsync();
        await app.StartAsync();
        return new Gateway(app, directory, new Uri(new Uri(app.Urls.First()), "/api/v2/alerts"));
    }

    private sealed record Result(double Rate, TimeSpan Ingest, TimeSpan EveryGroup, TimeSpan AllAlerts, long Notifications, TimeSpan CpuPerAlert);

    private sealed class Gateway(WebApplication app, string directory, Uri url) : IAsyncDisposable
    {
        public Uri Url { get; } = url;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open (SQLite WAL) keeps the directory; it is only a temporary one.
            }
        }
    }
}
