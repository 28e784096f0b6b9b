namespace Acteon.Bench;

/// <summary>Collections of each generation and the total pause between two readings of the process's GC counters.</summary>
internal readonly record struct GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
{
    public static GcActivity Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public GcActivity Since(GcActivity start) => new(Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, Pause - start.Pause);

    public override string ToString() =>
        FormattableString.Invariant($"{Gen0}/{Gen1}/{Gen2}, {Pause.TotalMilliseconds:F0} ms");
}
