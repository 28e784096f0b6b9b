using System.Diagnostics;

namespace Acteon.Bench;

/// <summary>
/// How long a runnable thread waits for a core: a thread of its own waits 1 ms, again and again, and records how late
/// it wakes. On an idle machine that is a few tens of microseconds; when the cores are busy, every thread the server
/// wakes (a request's continuation, the store's writer) waits about as long, so this is a floor under the server's
/// latency that no code path inside it can go below.
/// </summary>
internal sealed class WakeUpProbe : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(1);
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;
    private LatencyRecorder _lateness = new();

    public WakeUpProbe()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "bench-wake-up-probe" };
        _thread.Start();
    }

    /// <summary>The lateness recorded since the last call, and a fresh recorder from now on.</summary>
    public LatencyRecorder TakeLateness() => Interlocked.Exchange(ref _lateness, new LatencyRecorder());

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            var before = Stopwatch.GetTimestamp();
            if (_stop.Wait(Interval))
            {
                return;
            }

            Volatile.Read(ref _lateness).Record(Stopwatch.GetElapsedTime(before) - Interval);
        }
    }
}
