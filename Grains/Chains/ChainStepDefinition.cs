using System.Text.Json;

namespace Acteon.Grains.Chains;

/// <summary>One <c>[[chains.steps]]</c> entry.</summary>
public sealed record ChainStepDefinition
{
    public const string Abort = "abort";
    public const string Skip = "skip";

    public required string Name { get; init; }
    public required string Provider { get; init; }
    public required string ActionType { get; init; }

    /// <summary>A JSON object whose strings may hold <c>{{...}}</c> templates (<see cref="ChainTemplate"/>).</summary>
    public required JsonElement PayloadTemplate { get; init; }

    public long DelaySeconds { get; init; }

    /// <summary><see cref="Abort"/> (the chain fails) or <see cref="Skip"/> (it goes on as if the step had answered).</summary>
    public string OnFailure { get; init; } = Abort;

    public IReadOnlyList<ChainBranch> Branches { get; init; } = [];

    public string? DefaultNext { get; init; }
}
