namespace Acteon.Grains.Abstractions.Chains;

/// <summary>The wire names of a chain's and a step's status.</summary>
public static class ChainStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string TimedOut = "timed_out";

    public const string StepPending = "pending";
    public const string StepCompleted = "completed";
    public const string StepFailed = "failed";
    public const string StepSkipped = "skipped";
}
