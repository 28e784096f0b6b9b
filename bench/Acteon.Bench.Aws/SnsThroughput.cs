using System.Diagnostics;
using System.Globalization;
using Acteon.Gateway.Api.Hosting;
using Acteon.Providers.Aws.Credentials;
using Acteon.Silo.Configuration;

namespace Acteon.Bench.Aws;

/// <summary>SNS publish dispatches per second: the gateway hosted in-process, HTTP on loopback, the emulator as SNS.</summary>
internal static class SnsThroughput
{
    public static async Task RunAsync(TimeSpan duration, int concurrency)
    {
        await using var emulator = await new AwsEmulator.AwsEmulator().StartAsync();
        var directory = Directory.CreateTempSubdirectory("acteon-bench-aws-").FullName;
        var port = FreePort();
        var path = Path.Combine(directory, "acteon.toml");
        await File.WriteAllTextAsync(path, $"""
            [server]
            host = "127.0.0.1"
            port = {port}

            [state]
            backend = "memory"

            [[providers]]
            name = "alert-fanout"
            type = "aws-sns"
            aws_region = "us-east-1"
            aws_endpoint_url = "{emulator.BaseUrl}"
            topic_arn = "arn:aws:sns:us-east-1:000000000000:alerts"
            """);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.AddActeonGateway(ConfigLoader.LoadFile(path));
        builder.Services.AddSingleton<IAwsCredentialSource>(new StaticCredentialSource(AwsEmulator.AwsEmulator.AccessKey, AwsEmulator.AwsEmulator.SecretKey));
        await using var app = builder.Build();
        await app.MapActeonGatewayAsync();
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var body = new { @namespace = "alerts", tenant = "bench", provider = "alert-fanout", action_type = "publish", payload = new { message = "bench" } };
        for (var i = 0; i < 200; i++)
        {
            using var warm = await http.PostAsJsonAsync("/v1/dispatch", body);
            warm.EnsureSuccessStatusCode();
        }

        var before = emulator.State.Published.Count;
        long done = 0;
        long failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await http.PostAsJsonAsync("/v1/dispatch", body);
                var text = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref response.IsSuccessStatusCode && text.Contains("message_id", StringComparison.Ordinal) ? ref done : ref failed);
            }
        }));
        clock.Stop();
        var rate = done / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SNS publish through the gateway: {done} dispatches in {clock.Elapsed.TotalSeconds:0.00}s with {concurrency} concurrent clients = {rate:0} dispatches/s ({failed} failed; emulator saw {emulator.State.Published.Count - before})"));
        await app.StopAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
