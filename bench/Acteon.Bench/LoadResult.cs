namespace Acteon.Bench;

/// <summary>What one load run measured: completions inside the window, their latencies, and the failures seen.</summary>
internal sealed record LoadResult(
    string Name,
    long Completed,
    TimeSpan Window,
    LatencyRecorder Latency,
    RequestFailures Failures)
{
    public double Throughput => Completed / Window.TotalSeconds;

    /// <summary>Open loop only: requests sent per second of the window (the offered rate).</summary>
    public double OfferedRate { get; init; }

    /// <summary>Open loop only: latency from the actual send instead of the scheduled one.</summary>
    public LatencyRecorder? ServiceLatency { get; init; }

    public long MaxInFlight { get; init; }

    /// <summary>Open loop only: how late a thread that sleeps 1 ms woke up during the run (<see cref="WakeUpProbe"/>).</summary>
    public LatencyRecorder? WakeUpLateness { get; init; }

    /// <summary>The process's garbage collections inside the run: how many, and how long they paused every thread.</summary>
    public GcActivity Gc { get; init; }

    /// <summary>Closed loop only: CPU time of the whole process (server and load generator) inside the window.</summary>
    public TimeSpan ProcessCpu { get; init; }

    /// <summary>Closed loop only: CPU time of the SQLite store's own threads (writer and checkpointer) inside the window.</summary>
    public TimeSpan StoreCpu { get; init; }

    /// <summary>Process CPU per completed request, in microseconds: steadier than throughput on a shared machine.</summary>
    public double CpuMicrosecondsPerRequest => PerRequest(ProcessCpu);

    /// <summary>The SQLite writer's and checkpointer's CPU per completed request: the store's serial part.</summary>
    public double StoreMicrosecondsPerRequest => PerRequest(StoreCpu);

    private double PerRequest(TimeSpan cpu) => Completed == 0 ? 0 : cpu.TotalMicroseconds / Completed;
}
