using System.Globalization;

namespace Acteon.Bench;

/// <summary>
/// <c>rules</c> mode: the same closed-loop load against a gateway with no rules and one with N rules (none matching,
/// so all N are evaluated on every dispatch), alternated A-B-A-B to spread the machine's noise. Target: ≥ 0.8.
/// </summary>
internal static class RulesHttpBenchmark
{
    private const double Target = 0.8;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var plain = await GatewayServer.StartAsync(options.State);
        await using var ruled = await GatewayServer.StartAsync(options.State, options.Rules);
        using var client = LoadGenerator.CreateClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var results = new List<LoadResult>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var (server, name) in new[] { (plain, "no rules"), (ruled, string.Create(CultureInfo.InvariantCulture, $"{options.Rules} rules")) })
            {
                var result = await new LoadGenerator(client, server.DispatchUri, $"{name}-{round}-{run}")
                    .RunClosedLoopAsync($"gateway, {name}", options.Workers, options.Warmup, options.Duration);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Name,-24} {result.Throughput,10:F0} req/s  p50 {result.Latency.Percentile(0.5).TotalMilliseconds:F3} ms  p99 {result.Latency.Percentile(0.99).TotalMilliseconds:F3} ms  failed {result.Failures.Total}"));
                results.Add(result);
            }
        }

        var without = results.Where((_, i) => i % 2 == 0).Average(r => r.Throughput);
        var with = results.Where((_, i) => i % 2 == 1).Average(r => r.Throughput);
        var ratio = with / without;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean throughput: no rules {without:F0} req/s, {options.Rules} rules {with:F0} req/s; ratio {ratio:F3}  target >= {Target}: {(ratio >= Target ? "MET" : "MISSED")}"));
        return results.Sum(r => r.Failures.Total) == 0 ? 0 : 1;
    }
}
