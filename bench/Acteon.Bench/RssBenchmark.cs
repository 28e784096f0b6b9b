using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Acteon.Bench;

/// <summary>
/// <c>rss</c> mode: <c>--count</c> dispatches (a million by default) with distinct dedup keys through the gateway,
/// printing RSS, managed heap and live activations every 100k, then again after a full GC.
/// </summary>
internal static class RssBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var count = options.Count;
        var step = count >= 1_000_000 ? 100_000 : Math.Max(1, count / 10);
        Console.WriteLine(Invariant($"rss: {count} dispatches, {options.Workers} workers, {Environment.ProcessorCount} cores, server GC {GCSettings.IsServerGC}, progress every {step}"));
        await using var gateway = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard);
        using var client = LoadGenerator.CreateClient();
        var generator = new LoadGenerator(client, gateway.DispatchUri, "rss-" + Guid.NewGuid().ToString("N")[..8]);
        var failures = new RequestFailures();
        Console.WriteLine($"gateway {gateway.DispatchUri} ([state] {gateway.Backend}, {gateway.DatabasePath})");
        Console.WriteLine(Header());
        Console.WriteLine(await Row("start", 0, TimeSpan.Zero, gateway));

        var start = Stopwatch.GetTimestamp();
        var lastStep = start;
        long claimed = 0, done = 0;
        var gate = new Lock();

        async Task WorkerAsync()
        {
            await Task.Yield();
            while (Interlocked.Increment(ref claimed) <= count)
            {
                await generator.SendAsync(failures);
                var completed = Interlocked.Increment(ref done);
                if (completed % step == 0)
                {
                    double stepRate;
                    long now;
                    lock (gate)
                    {
                        now = Stopwatch.GetTimestamp();
                        stepRate = step / Stopwatch.GetElapsedTime(lastStep, now).TotalSeconds;
                        lastStep = now;
                    }

                    Console.WriteLine(await Row(completed.ToString("N0", CultureInfo.InvariantCulture), stepRate, Stopwatch.GetElapsedTime(start, now), gateway));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => WorkerAsync()));
        var elapsed = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(Invariant($"{count} dispatches in {elapsed.TotalSeconds:F1} s = {count / elapsed.TotalSeconds:F0} req/s overall"));

        FullCollect();
        Console.WriteLine(await Row("after full GC", 0, elapsed, gateway));
        // One collection interval (5 s by default) later the silo has had a chance to trim back under its bound.
        await Task.Delay(TimeSpan.FromSeconds(6));
        FullCollect();
        Console.WriteLine(await Row("+6 s, full GC", 0, Stopwatch.GetElapsedTime(start), gateway));
        Console.WriteLine($"SQLite files: {MemoryProbe.Megabytes(DatabaseBytes(gateway.DatabasePath))}");

        if (failures.Total == 0)
        {
            Console.WriteLine("non-200 / failed answers: 0");
            return 0;
        }

        Console.Error.WriteLine($"FAILED: non-200 {failures.Non200}, exceptions {failures.Exceptions}, other outcome {failures.UnexpectedOutcome}");
        foreach (var sample in failures.Samples)
        {
            Console.Error.WriteLine($"  {sample}");
        }

        return 1;
    }

    private static void FullCollect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static long DatabaseBytes(string path) =>
        new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    private static string Header() =>
        $"{"dispatches",-14} {"elapsed s",9} {"req/s",8} {"RSS",12} {"GC heap",12} {"activations",11}";

    private static async Task<string> Row(string label, double rate, TimeSpan elapsed, GatewayServer gateway) => Invariant(
        $"{label,-14} {elapsed.TotalSeconds,9:F1} {rate,8:F0} {MemoryProbe.Megabytes(MemoryProbe.RssBytes()),12} {MemoryProbe.Megabytes(GC.GetTotalMemory(false)),12} {await gateway.ActivationsAsync(),11}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
