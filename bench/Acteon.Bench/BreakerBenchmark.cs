using System.Globalization;
using Acteon.Grains.CircuitBreakers;

namespace Acteon.Bench;

/// <summary>
/// <c>breakers</c> mode: the same closed-loop load against a gateway with circuit breakers off and one with them on
/// (every dispatch passes its provider's breaker), alternated A-B-A-B in one run. Also prints the breaker grain calls
/// per dispatch (a closed breaker is decided from the node's cache: ~0). Target: ratio ≥ 0.95.
/// </summary>
internal static class BreakerBenchmark
{
    private const double Target = 0.95;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var off = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard);
        await using var on = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard, extraToml: "[circuit_breaker]\nenabled = true");
        using var client = LoadGenerator.CreateClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var results = new List<LoadResult>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var (server, name) in new[] { (off, "breakers off"), (on, "breakers on") })
            {
                var result = await new LoadGenerator(client, server.DispatchUri, options.DedupKeys ? $"{name}-{round}-{run}" : null)
                    .RunClosedLoopAsync($"gateway, {name}", options.Workers, options.Warmup, options.Duration);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Name,-24} {result.Throughput,10:F0} req/s  p50 {result.Latency.Percentile(0.5).TotalMilliseconds:F3} ms  p99 {result.Latency.Percentile(0.99).TotalMilliseconds:F3} ms  cpu {result.CpuMicrosecondsPerRequest:F0} µs/req  failed {result.Failures.Total}"));
                results.Add(result);
            }
        }

        var without = results.Where((_, i) => i % 2 == 0).Average(r => r.Throughput);
        var with = results.Where((_, i) => i % 2 == 1).Average(r => r.Throughput);
        var ratio = with / without;
        var dispatches = results.Where((_, i) => i % 2 == 1).Sum(r => r.Completed);
        var grainCalls = on.Services.GetRequiredService<CircuitBreakerMetrics>().GrainCalls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"breaker grain calls: {grainCalls} for {dispatches} measured dispatches (warm-ups included in the calls)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean throughput: breakers off {without:F0} req/s, on {with:F0} req/s; ratio {ratio:F3}  target >= {Target}: {(ratio >= Target ? "MET" : "MISSED")}"));
        return results.Sum(r => r.Failures.Total) == 0 ? 0 : 1;
    }
}
