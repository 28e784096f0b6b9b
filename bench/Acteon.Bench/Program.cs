namespace Acteon.Bench;

/// <summary>
/// Dispatch benchmark of the gateway, hosted in this process.
/// <list type="bullet">
/// <item><c>http</c>: <see cref="HttpBenchmark"/> — bare Kestrel vs gateway, closed loop, then the gateway open loop at half bare's rate.</item>
/// <item><c>rss</c>: <see cref="RssBenchmark"/> — a million distinct dispatches; RSS and live activations as they go.</item>
/// <item><c>alloc</c>: <see cref="AllocationBenchmark"/> — bytes allocated per dispatch and the types behind them.</item>
/// <item><c>recurring</c>: <see cref="RecurringBenchmark"/> — 10,000 recurring actions due in the same minute; lateness p50/p99.</item>
/// <item><c>rules</c>: <see cref="RulesHttpBenchmark"/> — the gateway with no rules vs with N rules that all get evaluated.</item>
/// <item><c>auth</c>: <see cref="AuthHttpBenchmark"/> — the gateway with [auth] off vs on, called with a JWT and with an API key.</item>
/// <item><c>alertmanager</c>: <see cref="Alertmanager.AlertmanagerBenchmark"/> — the same alert stream into Prometheus Alertmanager and the gateway (SQLite, PostgreSQL).</item>
/// <item><c>soak</c>: <see cref="SoakBenchmark"/> — a real gateway process, poison audit records, SIGTERM, then every record checked in the store.</item>
/// <item><c>breakers</c>: <see cref="BreakerBenchmark"/> — the gateway with circuit breakers off vs on.</item>
/// <item><c>stream</c>: <see cref="StreamBenchmark"/> — dispatch → SSE delivery latency with N open streams.</item>
/// </list>
/// Pieces: <see cref="BareServer"/>, <see cref="GatewayServer"/>, <see cref="LoadGenerator"/>, <see cref="LatencyRecorder"/>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args[1..]);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return 2;
        }

        switch (args[0])
        {
            case "http":
                return await HttpBenchmark.RunAsync(options);
            case "rss":
                return await RssBenchmark.RunAsync(options);
            case "rules":
                return await RulesHttpBenchmark.RunAsync(options);
            case "alloc":
                return await AllocationBenchmark.RunAsync(options);
            case "auth":
                return await AuthHttpBenchmark.RunAsync(options);
            case "breakers":
                return await BreakerBenchmark.RunAsync(options);
            case "stream":
                return await StreamBenchmark.RunAsync(options);
            case "cluster":
                return await ClusterBenchmark.RunAsync(options);
            case "recurring":
                return await RecurringBenchmark.RunAsync(options);
            case "alertmanager":
                return await Alertmanager.AlertmanagerBenchmark.RunAsync(options);
            case "soak":
                return await SoakBenchmark.RunAsync(options);
            default:
                await Console.Error.WriteLineAsync($"unknown mode '{args[0]}'; {BenchOptions.Usage}");
                return 2;
        }
    }
}
