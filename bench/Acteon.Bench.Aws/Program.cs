using System.Globalization;
using Acteon.Bench.Aws;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Acteon.Bench.Aws -- sign            (BenchmarkDotNet: signing one request)
// dotnet run -c Release --project bench/Acteon.Bench.Aws -- sns [sec] [n]   (SNS dispatches/s through the gateway)
var mode = args.Length > 0 ? args[0] : "sns";
if (mode == "sign")
{
    BenchmarkRunner.Run<SigningBenchmarks>(args: args[1..]);
    return 0;
}

if (mode == "sns")
{
    var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
    await SnsThroughput.RunAsync(TimeSpan.FromSeconds(seconds), concurrency);
    return 0;
}

await Console.Error.WriteLineAsync("usage: Acteon.Bench.Aws sign | sns [seconds] [concurrency]");
return 2;
