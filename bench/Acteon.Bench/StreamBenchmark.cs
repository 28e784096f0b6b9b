using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Acteon.Bench;

/// <summary>
/// <c>stream</c> mode: <c>--streams N</c> (default 100) clients hold <c>GET /v1/stream</c> open while dispatches arrive
/// at <c>--open-rate R</c> per second (default 200) for <c>--duration</c>; for every event on every stream, the time
/// from sending its dispatch to reading its SSE frame (p50/p99/max), and whether every stream got every event.
/// </summary>
internal static class StreamBenchmark
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var rate = options.OpenRate ?? 200;
        var count = (int)(rate * options.Duration.TotalSeconds);
        await using var server = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard,
            serverToml: string.Create(CultureInfo.InvariantCulture, $"max_sse_connections_per_tenant = {options.Streams + 10}\nsse_client_buffer = 4096"));
        using var client = LoadGenerator.CreateClient();
        var streamUri = new Uri(server.DispatchUri, "/v1/stream?namespace=bench");
        var sent = new long[count];
        var latency = new LatencyRecorder();
        long received = 0;
        using var stop = new CancellationTokenSource();
        var streams = new List<Task>();
        for (var i = 0; i < options.Streams; i++)
        {
            streams.Add(await OpenAsync(client, streamUri, line =>
            {
                var at = line.LastIndexOf("\"action_id\":\"b-", StringComparison.Ordinal);
                if (at >= 0 && int.TryParse(line.AsSpan(at + 15, line.IndexOf('"', at + 15) - at - 15), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    latency.Record(Stopwatch.GetElapsedTime(Volatile.Read(ref sent[n])));
                    Interlocked.Increment(ref received);
                }
            }, stop.Token));
        }

        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        var calls = new List<Task>(count);
        for (var n = 0; n < count; n++)
        {
            var due = TimeSpan.FromSeconds(n / rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            Volatile.Write(ref sent[n], Stopwatch.GetTimestamp());
            calls.Add(DispatchAsync(client, server.DispatchUri, n, () => Interlocked.Increment(ref failures)));
        }

        await Task.WhenAll(calls);
        var expected = (long)count * options.Streams;
        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref received) < expected && drain.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Streams} streams, {count} dispatches at {rate:F0}/s: {Interlocked.Read(ref received)} of {expected} deliveries; dispatch→SSE p50 {latency.Percentile(0.5).TotalMilliseconds:F2} ms  p99 {latency.Percentile(0.99).TotalMilliseconds:F2} ms  max {latency.Max.TotalMilliseconds:F2} ms  failed dispatches {failures}"));
        try
        {
            await Task.WhenAll(streams);
        }
        catch (OperationCanceledException)
        {
        }

        return failures == 0 && Interlocked.Read(ref received) == expected ? 0 : 1;
    }

    /// <summary>Opens a stream (waits for its headers) and reads its lines until <paramref name="stop"/>.</summary>
    private static async Task<Task> OpenAsync(HttpClient client, Uri uri, Action<string> onData, CancellationToken stop)
    {
        var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, stop);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(stop);
        return Task.Run(async () =>
        {
            using (response)
            using (var reader = new StreamReader(body, Encoding.UTF8))
            {
                try
                {
                    while (await reader.ReadLineAsync(stop) is { } line)
                    {
                        if (line.StartsWith("data: ", StringComparison.Ordinal))
                        {
                            onData(line);
                        }
                    }
                }
                catch (Exception error) when (error is OperationCanceledException or IOException)
                {
                    // Stopped.
                }
            }
        }, CancellationToken.None);
    }

    private static async Task DispatchAsync(HttpClient client, Uri uri, int n, Action failed)
    {
        try
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{{\"id\":\"b-{n}\",\"namespace\":\"bench\",\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\",\"payload\":{{\"n\":1}}}}")));
            content.Headers.ContentType = Json;
            using var response = await client.PostAsync(uri, content);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                failed();
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            failed();
        }
    }
}
