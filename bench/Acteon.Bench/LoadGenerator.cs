using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Acteon.Bench;

/// <summary>
/// Posts dispatches with distinct dedup keys (or, with no <paramref name="keyPrefix"/>, none) to one URL: closed loop
/// (N workers, each waits for its answer) or open loop (requests sent on a fixed schedule, whatever the answers do).
/// </summary>
internal sealed class LoadGenerator(HttpClient client, Uri dispatchUri, string? keyPrefix)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private long _nextKey;

    /// <summary>
    /// A client that keeps up to <paramref name="maxConnections"/> connections per server open. The open loop uses a
    /// bounded pool, as a real caller would: requests beyond it wait inside the client (and that wait is counted,
    /// from the schedule), instead of opening thousands of connections whose set-up swamps the machine.
    /// </summary>
    public static HttpClient CreateClient(int maxConnections = 4096) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnections,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static byte[] DispatchBody(string? dedupKey) => Encoding.UTF8.GetBytes(
        "{\"namespace\":\"bench\",\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\",\"payload\":{\"n\":1}"
        + (dedupKey is null ? "}" : ",\"dedup_key\":\"" + dedupKey + "\"}"));

    /// <summary>Sends one dispatch (with the next dedup key, if any); false (and counted in <paramref name="failures"/>) unless 200 + executed.</summary>
    public async Task<bool> SendAsync(RequestFailures failures)
    {
        var key = keyPrefix is null ? null : keyPrefix + "-" + Interlocked.Increment(ref _nextKey).ToString(CultureInfo.InvariantCulture);
        try
        {
            using var content = new ByteArrayContent(DispatchBody(key));
            content.Headers.ContentType = Json;
            using var response = await client.PostAsync(dispatchUri, content);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.AddNon200((int)response.StatusCode, Encoding.UTF8.GetString(body));
                return false;
            }

            if (body.AsSpan().IndexOf("\"outcome\":\"executed\""u8) < 0)
            {
                failures.AddUnexpectedOutcome(Encoding.UTF8.GetString(body));
                return false;
            }

            return true;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            failures.AddException(error);
            return false;
        }
    }

    /// <summary>
    /// <paramref name="workers"/> loops, each sending its next request when the previous one is answered. Only answers
    /// that arrive inside the measured window (after <paramref name="warmup"/>) count towards throughput and latency.
    /// </summary>
    public async Task<LoadResult> RunClosedLoopAsync(string name, int workers, TimeSpan warmup, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var failures = new RequestFailures();
        var measureStart = Stopwatch.GetTimestamp() + Ticks(warmup);
        var measureEnd = measureStart + Ticks(duration);
        long completed = 0;

        async Task WorkerAsync()
        {
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < measureEnd)
            {
                var sent = Stopwatch.GetTimestamp();
                var ok = await SendAsync(failures);
                var answered = Stopwatch.GetTimestamp();
                if (ok && answered >= measureStart && answered < measureEnd)
                {
                    recorder.Record(Stopwatch.GetElapsedTime(sent, answered));
                    Interlocked.Increment(ref completed);
                }
            }
        }

        async Task<(TimeSpan Process, TimeSpan Store, GcActivity Gc)> InWindowAsync()
        {
            await Task.Delay(warmup);
            var process = Process.GetCurrentProcess().TotalProcessorTime;
            var store = ThreadCpu.Of(ThreadCpu.SqliteStore);
            var gc = GcActivity.Now();
            await Task.Delay(duration);
            return (Process.GetCurrentProcess().TotalProcessorTime - process, ThreadCpu.Of(ThreadCpu.SqliteStore) - store, GcActivity.Now().Since(gc));
        }

        var window = InWindowAsync();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkerAsync()));
        var (processCpu, storeCpu, gcActivity) = await window;
        return new LoadResult(name, completed, duration, recorder, failures) { ProcessCpu = processCpu, StoreCpu = storeCpu, Gc = gcActivity };
    }

    /// <summary>
    /// Sends request i at start + i / <paramref name="rate"/> for <paramref name="duration"/>, without waiting for answers.
    /// Latency counts from the scheduled time, so a slow server cannot hide its queueing by delaying the sender.
    /// </summary>
    public async Task<LoadResult> RunOpenLoopAsync(string name, double rate, TimeSpan duration)
    {
        var fromSchedule = new LatencyRecorder();
        var fromSend = new LatencyRecorder();
        var failures = new RequestFailures();
        var interval = Stopwatch.Frequency / rate;
        var gc = GcActivity.Now();
        var start = Stopwatch.GetTimestamp();
        var end = start + Ticks(duration);
        long completed = 0, inFlight = 0, maxInFlight = 0, issued = 0, lastAnswer = start;
        // Requests not yet answered, plus one for the schedule itself until it ends. A counter, not a list of the
        // requests' tasks: that list would keep every request of the run alive, and the GC would copy it from
        // generation to generation, pausing the server it measures.
        long outstanding = 1;
        var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        void Answered()
        {
            if (Interlocked.Decrement(ref outstanding) == 0)
            {
                allAnswered.TrySetResult();
            }
        }

        async Task SendScheduledAsync(long scheduled)
        {
            InterlockedMax(ref maxInFlight, Interlocked.Increment(ref inFlight));

            var sent = Stopwatch.GetTimestamp();
            var ok = await SendAsync(failures);
            var answered = Stopwatch.GetTimestamp();
            Interlocked.Decrement(ref inFlight);
            InterlockedMax(ref lastAnswer, answered);
            if (ok)
            {
                fromSchedule.Record(Stopwatch.GetElapsedTime(scheduled, answered));
                fromSend.Record(Stopwatch.GetElapsedTime(sent, answered));
                Interlocked.Increment(ref completed);
            }

            Answered();
        }

        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            for (var due = start + (long)(issued * interval); due <= now && due < end; due = start + (long)(issued * interval))
            {
                Interlocked.Increment(ref outstanding);
                _ = SendScheduledAsync(due);
                issued++;
            }

            var next = start + (long)(issued * interval);
            if (next >= end)
            {
                break;
            }

            // Task.Delay has about a millisecond of resolution; the loop above catches up on whatever came due meanwhile.
            var wait = Stopwatch.GetElapsedTime(now, next);
            await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1));
        }

        // The schedule's own count.
        Answered();
        await allAnswered.Task;
        // Achieved rate: answers over the time until the last one, which is longer than the window when a backlog built up.
        var window = Stopwatch.GetElapsedTime(start, Math.Max(end, Interlocked.Read(ref lastAnswer)));
        return new LoadResult(name, completed, window, fromSchedule, failures)
        {
            OfferedRate = issued / duration.TotalSeconds,
            ServiceLatency = fromSend,
            MaxInFlight = Interlocked.Read(ref maxInFlight),
            Gc = GcActivity.Now().Since(gc),
        };
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
