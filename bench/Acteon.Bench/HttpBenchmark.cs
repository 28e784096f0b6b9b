using System.Globalization;
using System.Runtime;

namespace Acteon.Bench;

/// <summary>
/// <c>http</c> mode: bare Kestrel and the gateway measured closed loop with the same client, in alternating rounds
/// (so that a machine that speeds up or slows down during the run affects both alike; the ratio is the median of the
/// rounds'), then open loops at half the bare endpoint's throughput: first against bare Kestrel (the load generator's
/// own floor), then against the gateway. Targets: gateway ≥ 0.5 × bare, and p99 ≤ 5 ms at that half load.
/// </summary>
internal static class HttpBenchmark
{
    private const double ThroughputTarget = 0.5;
    private const int OpenLoopConnections = 128;
    private static readonly TimeSpan P99Target = TimeSpan.FromMilliseconds(5);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        Console.WriteLine(Invariant($"http: {Environment.ProcessorCount} cores, server GC {GCSettings.IsServerGC}, {options.Workers} workers, warm-up {options.Warmup.TotalSeconds} s each, {options.Rounds} rounds of {options.Duration.TotalSeconds} s each, open loops {options.OpenDuration.TotalSeconds} s, {(options.DedupKeys ? "a new dedup_key in every request" : "no dedup_key")}, Orleans Dashboard {(options.Dashboard ? "on" : "off")}"));
        await using var bare = await BareServer.StartAsync();
        await using var gateway = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard);
        Console.WriteLine($"bare    {bare.DispatchUri}");
        Console.WriteLine($"gateway {gateway.DispatchUri} ([state] {gateway.Backend}, {gateway.DatabasePath})");
        using var client = LoadGenerator.CreateClient();
        using var openClient = LoadGenerator.CreateClient(OpenLoopConnections);
        var run = Guid.NewGuid().ToString("N")[..8];
        var bareLoad = new LoadGenerator(client, bare.DispatchUri, options.DedupKeys ? $"bare-{run}" : null);
        var gatewayLoad = new LoadGenerator(client, gateway.DispatchUri, options.DedupKeys ? $"closed-{run}" : null);

        await bareLoad.RunClosedLoopAsync("warm-up", options.Workers, TimeSpan.Zero, options.Warmup);
        await gatewayLoad.RunClosedLoopAsync("warm-up", options.Workers, TimeSpan.Zero, options.Warmup);
        await gateway.FlushAuditAsync();
        var rounds = new List<(LoadResult Bare, LoadResult Gateway)>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var bareResult = await bareLoad.RunClosedLoopAsync($"bare kestrel (closed) #{round}", options.Workers, TimeSpan.Zero, options.Duration);
            Console.WriteLine(Row(bareResult));
            var gatewayResult = await gatewayLoad.RunClosedLoopAsync($"gateway (closed) #{round}", options.Workers, TimeSpan.Zero, options.Duration);
            Console.WriteLine(Row(gatewayResult));
            // The gateway's audit queue drains before bare Kestrel runs again, so that bare does not pay for it.
            await gateway.FlushAuditAsync();
            rounds.Add((bareResult, gatewayResult));
        }

        var rate = options.OpenRate ?? Median(rounds.Select(r => r.Bare.Throughput)) * options.OpenShare;
        var label = options.OpenRate is null ? Invariant($"{options.OpenShare:0.##} of bare") : "from --open-rate";
        // The open-loop schedule against the bare endpoint first: the floor that the load generator itself (its timer,
        // its client, the shared cores) adds to every latency.
        using var probe = new WakeUpProbe();
        probe.TakeLateness();
        var bareOpenResult = await new LoadGenerator(openClient, bare.DispatchUri, options.DedupKeys ? $"bare-open-{run}" : null)
            .RunOpenLoopAsync("bare kestrel (open)", rate, options.OpenDuration) with { WakeUpLateness = probe.TakeLateness() };
        Console.WriteLine(Row(bareOpenResult));
        Console.WriteLine(Invariant($"open loop against the gateway at {rate:F0} req/s ({label}) for {options.OpenDuration.TotalSeconds} s..."));
        probe.TakeLateness();
        var openResult = await new LoadGenerator(openClient, gateway.DispatchUri, options.DedupKeys ? $"open-{run}" : null)
            .RunOpenLoopAsync(options.OpenRate is null ? Invariant($"gateway (open, {options.OpenShare:0.##} bare)") : "gateway (open, fixed)", rate, options.OpenDuration) with { WakeUpLateness = probe.TakeLateness() };
        Console.WriteLine(Row(openResult));

        return PrintSummary(rounds, openResult, bareOpenResult, label);
    }

    private static int PrintSummary(List<(LoadResult Bare, LoadResult Gateway)> rounds, LoadResult open, LoadResult bareOpen, string openLabel)
    {
        var ratios = rounds.Select(r => r.Gateway.Throughput / r.Bare.Throughput).ToList();
        var ratio = Median(ratios);
        var openP99 = open.Latency.Percentile(0.99);
        Console.WriteLine();
        Console.WriteLine("=== summary ===");
        Console.WriteLine(Header());
        var all = rounds.SelectMany(r => new[] { r.Bare, r.Gateway }).Append(bareOpen).Append(open).ToList();
        foreach (var result in all)
        {
            Console.WriteLine(Row(result));
        }

        Console.WriteLine(Invariant($"bare open loop at the same rate (measurement floor): p50/p99 from schedule {Ms(bareOpen.Latency.Percentile(0.5))}/{Ms(bareOpen.Latency.Percentile(0.99))} ms, from send {Ms(bareOpen.ServiceLatency!.Percentile(0.5))}/{Ms(bareOpen.ServiceLatency.Percentile(0.99))} ms"));
        Console.WriteLine(Invariant($"open loop: offered {open.OfferedRate:F0} req/s, achieved {open.Throughput:F0} req/s, max in flight {open.MaxInFlight}, p50/p99 from send {Ms(open.ServiceLatency!.Percentile(0.5))}/{Ms(open.ServiceLatency.Percentile(0.99))} ms (table: from schedule)"));
        Console.WriteLine(Invariant($"a thread sleeping 1 ms woke late by (p99/max): {Ms(bareOpen.WakeUpLateness!.Percentile(0.99))}/{Ms(bareOpen.WakeUpLateness.Max)} ms during the bare open loop, {Ms(open.WakeUpLateness!.Percentile(0.99))}/{Ms(open.WakeUpLateness.Max)} ms during the gateway's: the wait for a free core"));
        Console.WriteLine(Invariant($"cpu µs/req, median of rounds: bare {Median(rounds.Select(r => r.Bare.CpuMicrosecondsPerRequest)):F1}, gateway {Median(rounds.Select(r => r.Gateway.CpuMicrosecondsPerRequest)):F1} (of which the SQLite writer and checkpointer threads {Median(rounds.Select(r => r.Gateway.StoreMicrosecondsPerRequest)):F1})"));
        Console.WriteLine(Invariant($"gateway/bare throughput per round: {string.Join(", ", ratios.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(Invariant($"gateway/bare throughput (median): {ratio:F3}  target >= {ThroughputTarget}: {Verdict(ratio >= ThroughputTarget)}"));
        Console.WriteLine(Invariant($"gateway p99 at {open.OfferedRate:F0} req/s ({openLabel}): {Ms(openP99)} ms  target <= {Ms(P99Target)} ms: {Verdict(openP99 <= P99Target)}"));

        var failures = all.Sum(r => r.Failures.Total);
        if (failures == 0)
        {
            Console.WriteLine("non-200 / failed answers: 0");
            return 0;
        }

        Console.Error.WriteLine($"FAILED: {failures} answers were not 200 with \"outcome\":\"executed\"");
        foreach (var result in all)
        {
            var f = result.Failures;
            Console.Error.WriteLine($"  {result.Name}: non-200 {f.Non200}, exceptions {f.Exceptions}, other outcome {f.UnexpectedOutcome}");
            foreach (var sample in f.Samples)
            {
                Console.Error.WriteLine($"    {sample}");
            }
        }

        return 1;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Header() =>
        $"{"run",-24} {"req/s",10} {"p50 ms",9} {"p99 ms",9} {"max ms",9} {"answers",9} {"failed",7} {"cpu µs/req",11} {"store µs/req",13} {"GCs 0/1/2, pause",18}";

    private static string Row(LoadResult r) => Invariant(
        $"{r.Name,-24} {r.Throughput,10:F0} {Ms(r.Latency.Percentile(0.5)),9} {Ms(r.Latency.Percentile(0.99)),9} {Ms(r.Latency.Max),9} {r.Completed,9} {r.Failures.Total,7} {r.CpuMicrosecondsPerRequest,11:F1} {r.StoreMicrosecondsPerRequest,13:F1} {r.Gc,18}");

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture);

    private static string Verdict(bool holds) => holds ? "HOLDS" : "MISSED";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
