namespace Acteon.Bench;

/// <summary>
/// Dispatch benchmark of the gateway, hosted in this process.
/// <list type="bullet">
/// <item><c>http</c>: <see cref="HttpBenchmark"/> — bare Kestrel vs gateway, closed loop, then the gateway open loop at half bare's rate.</item>
/// <item><c>rss</c>: <see cref="RssBenchmark"/> — a million distinct dispatches; RSS and live activations as they go.</item>
/// <item><c>alloc</c>: <see cref="AllocationBenchmark"/> — bytes allocated per dispatch and the types behind them.</item>
/// <item><c>rules</c>: <see cref="RulesHttpBenchmark"/> — the gateway with no rules vs with N rules that all get evaluated.</item>
/// <item><c>auth</c>: <see cref="AuthHttpBenchmark"/> — the gateway with [auth] off vs on, called with a JWT and with an API key.</item>
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
            case "cluster":
                return await ClusterBenchmark.RunAsync(options);
            default:
                await Console.Error.WriteLineAsync($"unknown mode '{args[0]}'; {BenchOptions.Usage}");
                return 2;
        }
    }
}
