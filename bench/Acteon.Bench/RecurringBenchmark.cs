using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Acteon.Grains.Abstractions;

namespace Acteon.Bench;

/// <summary>
/// <c>recurring</c> mode: <c>--recurring N</c> recurring actions (10,000 by default) on one node, all due in the same
/// minute (a daily cron at one UTC minute at least <c>--lead</c> seconds ahead). Waits until every one of them has
/// dispatched its occurrence (read back from the audit trail) and prints how late each was: from the due time to the
/// pipeline's start (<c>dispatched_at</c>) and to its end (<c>completed_at</c>).
/// </summary>
internal static class RecurringBenchmark
{
    private const int Page = 1000;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var count = options.Recurring;
        await using var gateway = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard);
        using var client = LoadGenerator.CreateClient();
        var baseUri = new Uri(gateway.DispatchUri, "/");
        var due = MinuteAfter(TimeProvider.System.GetUtcNow() + options.Lead);
        var cron = Invariant($"{due.Minute} {due.Hour} * * *");
        Console.WriteLine(Invariant($"recurring: {count} recurring actions \"{cron}\" (UTC), all due at {JsonTime.Format(due)}; [state] {gateway.Backend}; {options.Workers} workers create them; {Environment.ProcessorCount} cores"));

        var created = Stopwatch.StartNew();
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(async _ =>
        {
            await Task.Yield();
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                using var response = await client.PostAsJsonAsync(new Uri(baseUri, "/v1/recurring"), new Dictionary<string, object>
                {
                    ["namespace"] = "bench", ["tenant"] = "recurring", ["cron_expr"] = cron, ["provider"] = "log",
                    ["action_type"] = "digest", ["payload"] = new Dictionary<string, int> { ["n"] = i },
                });
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var left = due - TimeProvider.System.GetUtcNow();
        Console.WriteLine(Invariant($"created in {created.Elapsed.TotalSeconds:0.0} s ({count / created.Elapsed.TotalSeconds:0} /s), {failures} failed; {left.TotalSeconds:0} s until due"));
        if (failures > 0 || left < TimeSpan.FromSeconds(5))
        {
            Console.WriteLine("FAIL: not every recurring action was created well before its due time; raise --lead");
            return 1;
        }

        var waited = Stopwatch.StartNew();
        var limit = left + TimeSpan.FromMinutes(5);
        long done;
        while ((done = await TotalAsync(client, baseUri, gateway)) < count && waited.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var lateStart = new LatencyRecorder();
        var lateEnd = new LatencyRecorder();
        DateTimeOffset first = DateTimeOffset.MaxValue, last = DateTimeOffset.MinValue;
        var executed = 0;
        for (var offset = 0; offset < done; offset += Page)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(new Uri(baseUri, Invariant($"/v1/audit?caller_id=recurring&namespace=bench&limit={Page}&offset={offset}")));
            foreach (var record in page.GetProperty("records").EnumerateArray())
            {
                var occurrence = Time(record.GetProperty("metadata").GetProperty("recurring_occurrence"));
                var started = Time(record.GetProperty("dispatched_at"));
                var completed = Time(record.GetProperty("completed_at"));
                lateStart.Record(started - occurrence);
                lateEnd.Record(completed - occurrence);
                (first, last) = (started < first ? started : first, completed > last ? completed : last);
                executed += record.GetProperty("outcome").GetString() == "executed" ? 1 : 0;
            }
        }

        Console.WriteLine(Invariant($"dispatched {done} of {count} ({executed} executed) between {JsonTime.Format(first)} and {JsonTime.Format(last)} ({(last - first).TotalSeconds:0.00} s, {done / Math.Max(0.001, (last - first).TotalSeconds):0} occurrences/s)"));
        Console.WriteLine("lateness from the due time   p50        p90        p99        max");
        Console.WriteLine(Invariant($"  pipeline start             {Ms(lateStart.Percentile(0.5))} {Ms(lateStart.Percentile(0.9))} {Ms(lateStart.Percentile(0.99))} {Ms(lateStart.Max)}"));
        Console.WriteLine(Invariant($"  pipeline end               {Ms(lateEnd.Percentile(0.5))} {Ms(lateEnd.Percentile(0.9))} {Ms(lateEnd.Percentile(0.99))} {Ms(lateEnd.Max)}"));
        return done == count && executed == count ? 0 : 1;
    }

    private static async Task<long> TotalAsync(HttpClient client, Uri baseUri, GatewayServer gateway)
    {
        await gateway.FlushAuditAsync();
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri(baseUri, "/v1/audit?caller_id=recurring&namespace=bench&limit=1"));
        return page.GetProperty("total").GetInt64();
    }

    private static DateTimeOffset MinuteAfter(DateTimeOffset time) =>
        new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private static DateTimeOffset Time(JsonElement value) =>
        JsonTime.TryParse(value.GetString(), out var time) ? time : throw new FormatException(value.GetRawText());

    private static string Ms(TimeSpan value) => Invariant($"{value.TotalMilliseconds,7:0.0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
