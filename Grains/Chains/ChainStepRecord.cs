using System.Text.Json;
using Acteon.Grains.Abstractions.Chains;

namespace Acteon.Grains.Chains;

/// <summary>The last run of one step of a chain.</summary>
public sealed record ChainStepRecord
{
    public string Status { get; init; } = ChainStatus.StepPending;
    public JsonElement? ResponseBody { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How many times the step was started; with the chain id and step name it is the idempotency key of a run.</summary>
    public int Attempt { get; init; }
}
