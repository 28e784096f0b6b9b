using System.Globalization;
using System.Text.Json;
using Acteon.Grains.Abstractions;

namespace Acteon.Bench;

/// <summary>
/// <c>schedule</c> mode: the precision of a <c>schedule</c> rule on an idle node. Sends 20 dispatches, one every
/// 250 ms, that a rule holds for <c>delay_seconds: 2</c>; once every one was delivered (read back from the audit trail)
/// it prints how late each was, from its <c>scheduled_for</c> to the pipeline's start (<c>dispatched_at</c>) and end.
/// Target: at most 1 s on an idle node (the issue's figure; a test cannot assert it on a loaded machine).
/// </summary>
internal static class ScheduleBenchmark
{
    private const int Actions = 20;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    private const string Rules = """
        rules:
          - name: later
            condition:
              field: action.action_type
              eq: later
            action:
              type: schedule
              delay_seconds: 2
        """;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var gateway = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard, rulesYaml: Rules);
        using var client = LoadGenerator.CreateClient();
        var baseUri = new Uri(gateway.DispatchUri, "/");
        Console.WriteLine(Invariant($"schedule: {Actions} dispatches held by a schedule rule (delay_seconds 2), one every 250 ms; [state] {gateway.Backend}; {Environment.ProcessorCount} cores"));

        var due = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < Actions; i++)
        {
            var id = Invariant($"schedule-{i}-{Guid.NewGuid():N}");
            using var response = await client.PostAsJsonAsync(gateway.DispatchUri, new Dictionary<string, object>
            {
                ["id"] = id, ["namespace"] = "bench", ["tenant"] = "schedule", ["provider"] = "log", ["action_type"] = "later",
                ["payload"] = new Dictionary<string, int> { ["n"] = i },
            });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            // The held action keeps its id (the answer's action_id names the schedule).
            due[id] = Time(body.GetProperty("scheduled_for"));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        JsonElement records;
        while ((records = await ExecutedAsync(client, baseUri, gateway)).GetArrayLength() < Actions && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var start = new LatencyRecorder();
        var end = new LatencyRecorder();
        foreach (var record in records.EnumerateArray())
        {
            var scheduledFor = due[record.GetProperty("action_id").GetString()!];
            start.Record(Time(record.GetProperty("dispatched_at")) - scheduledFor);
            end.Record(Time(record.GetProperty("completed_at")) - scheduledFor);
        }

        var delivered = records.GetArrayLength();
        Console.WriteLine(Invariant($"delivered {delivered} of {Actions}"));
        Console.WriteLine("lateness from scheduled_for   p50        max");
        Console.WriteLine(Invariant($"  pipeline start              {Ms(start.Percentile(0.5))} {Ms(start.Max)}"));
        Console.WriteLine(Invariant($"  pipeline end                {Ms(end.Percentile(0.5))} {Ms(end.Max)}"));
        var met = delivered == Actions && start.Max <= Target;
        Console.WriteLine(Invariant($"target: every one started within {Target.TotalSeconds:0} s of its due time: {(met ? "met" : "MISSED")}"));
        return met ? 0 : 1;
    }

    private static async Task<JsonElement> ExecutedAsync(HttpClient client, Uri baseUri, GatewayServer gateway)
    {
        await gateway.FlushAuditAsync();
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri(baseUri, "/v1/audit?caller_id=scheduler&namespace=bench&outcome=executed&limit=1000"));
        return page.GetProperty("records");
    }

    private static DateTimeOffset Time(JsonElement value) =>
        JsonTime.TryParse(value.GetString(), out var time) ? time : throw new FormatException(value.GetRawText());

    private static string Ms(TimeSpan value) => Invariant($"{value.TotalMilliseconds,7:0.0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
