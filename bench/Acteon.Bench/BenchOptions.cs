using System.Globalization;

namespace Acteon.Bench;

/// <summary>Command-line flags shared by the modes: <c>--workers N --warmup S --duration S --open-duration S --count N</c>.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: Acteon.Bench http|rss|rules|auth|alloc|cluster|recurring|alertmanager|soak|breakers|stream [--recurring N] [--lead SECONDS] [--rules N] [--streams N] [--workers N] [--warmup SECONDS] [--duration SECONDS] [--open-duration SECONDS] [--open-rate REQ_PER_S] [--open-share F] [--rounds N] [--count N] [--state sqlite|memory|postgres (soak)] [--dedup on|off] [--dashboard on|off]";

    public int Workers { get; init; } = 64;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan OpenDuration { get; init; } = TimeSpan.FromSeconds(10);
    public const int DefaultCount = 1_000_000;

    public int Count { get; init; } = DefaultCount;

    /// <summary>Recurring actions created in the <c>recurring</c> mode, all due in one minute.</summary>
    public int Recurring { get; init; } = 10_000;

    /// <summary><c>recurring</c> mode: at least this long from the start to the minute they are due (time to create them).</summary>
    public TimeSpan Lead { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Alternating bare/gateway closed-loop rounds of the <c>http</c> mode.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Open SSE streams of the <c>stream</c> mode.</summary>
    public int Streams { get; init; } = 100;

    /// <summary>Rules loaded in the <c>rules</c> mode (none of them matches the benchmark's actions).</summary>
    public int Rules { get; init; } = 50;

    /// <summary>The gateway's <c>[state] backend</c>: sqlite (the target configuration) or memory (to isolate the store's cost).</summary>
    public string State { get; init; } = "sqlite";

    /// <summary>
    /// <c>http</c> mode: whether each dispatch carries a new dedup_key (on: every request is also a durable claim in the
    /// store) or none (off: the plain dispatch path, log provider and audit).
    /// </summary>
    public bool DedupKeys { get; init; } = true;

    /// <summary>Whether the gateway runs with the Orleans Dashboard (<c>[cluster] dashboard</c>, on by default).</summary>
    public bool Dashboard { get; init; } = true;

    /// <summary>The open loop's rate as a share of bare Kestrel's measured throughput, unless <see cref="OpenRate"/> is given.</summary>
    public double OpenShare { get; init; } = 0.5;

    /// <summary>Rate of the open-loop run; null means half of the bare endpoint's measured throughput.</summary>
    public double? OpenRate { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value; {Usage}");
            options = flag switch
            {
                "--workers" => options with { Workers = Positive(flag, value) },
                "--warmup" => options with { Warmup = Seconds(flag, value) },
                "--duration" => options with { Duration = Seconds(flag, value) },
                "--open-duration" => options with { OpenDuration = Seconds(flag, value) },
                "--open-share" when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share) && share is > 0 and <= 1
                    => options with { OpenShare = share },
                "--open-share" => throw new ArgumentException($"--open-share must be a number in (0, 1], not '{value}'"),
                "--open-rate" => options with { OpenRate = Positive(flag, value) },
                "--state" when value is "sqlite" or "memory" or "postgres" => options with { State = value },
                "--state" => throw new ArgumentException($"--state must be sqlite, memory or postgres (soak only), not '{value}'"),
                "--dedup" when value is "on" or "off" => options with { DedupKeys = value == "on" },
                "--dedup" => throw new ArgumentException($"--dedup must be on or off, not '{value}'"),
                "--dashboard" when value is "on" or "off" => options with { Dashboard = value == "on" },
                "--dashboard" => throw new ArgumentException($"--dashboard must be on or off, not '{value}'"),
                "--count" => options with { Count = Positive(flag, value) },
                "--rounds" => options with { Rounds = Positive(flag, value) },
                "--rules" => options with { Rules = Positive(flag, value) },
                "--recurring" => options with { Recurring = Positive(flag, value) },
                "--lead" => options with { Lead = Seconds(flag, value) },
                "--streams" => options with { Streams = Positive(flag, value) },
                _ => throw new ArgumentException($"unknown flag '{flag}'; {Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string flag, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{flag} must be a positive integer, not '{value}'");

    private static TimeSpan Seconds(string flag, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"{flag} must be a number of seconds, not '{value}'");
}
