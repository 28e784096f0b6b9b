using System.Diagnostics;

namespace Acteon.Grains.Abstractions.Actions;

/// <summary>How one dispatch was asked for: dry run or not, by whom, under which trace.</summary>
public sealed record DispatchContext
{
    public static readonly DispatchContext Default = new();

    public bool DryRun { get; init; }
    public string CallerId { get; init; } = "";
    public string AuthMethod { get; init; } = "anonymous";

    /// <summary>The span the dispatch's own span is a child of (the caller's trace, or the batch span).</summary>
    public ActivityContext ParentTrace { get; init; }

    /// <summary>A scheduled action coming due: it runs as allowed instead of being scheduled again.</summary>
    public bool Scheduled { get; init; }

    /// <summary>
    /// A notification the gateway made (a group's summary, a state timeout's notice): group and state_machine verdicts
    /// on it run as allowed, so it never loops back into the grain that sends it.
    /// </summary>
    public bool Notification { get; init; }
    /// <summary>An approved action: the rules are evaluated again, and a verdict that would hold it once more runs it instead.</summary>
    public bool Approved { get; init; }
}
