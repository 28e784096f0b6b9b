using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Acteon.Bench;

/// <summary>
/// <c>alloc</c> mode: the gateway under a closed loop with the runtime's allocation sampling on (one AllocationTick event
/// per ~100 KB allocated): bytes allocated per request (whole process, load generator included) and the types that
/// take most of it. A diagnostic for finding what to cut, not a target.
/// </summary>
internal static class AllocationBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var gateway = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard);
        using var client = LoadGenerator.CreateClient();
        var load = new LoadGenerator(client, gateway.DispatchUri, "alloc-" + Guid.NewGuid().ToString("N")[..8]);
        await load.RunClosedLoopAsync("warm-up", options.Workers, TimeSpan.Zero, options.Warmup);

        using var listener = new AllocationListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await load.RunClosedLoopAsync("gateway (closed)", options.Workers, TimeSpan.Zero, options.Duration);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Completed} requests, {allocated / Math.Max(1, result.Completed)} bytes allocated per request (process), gen0/1/2 collections so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        var total = listener.Sampled.Values.Sum();
        foreach (var (type, bytes) in listener.Sampled.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / total,6:F1}%  {type}"));
        }

        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;

        public ConcurrentDictionary<string, long> Sampled { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName != "GCAllocationTick_V4" || eventData.Payload is null || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload[eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            Sampled.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
