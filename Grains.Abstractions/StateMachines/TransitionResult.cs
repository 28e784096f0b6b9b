namespace Acteon.Grains.Abstractions.StateMachines;

/// <summary>
/// A transition asked for: the states before and after, whether it notifies, and, when the machine did not allow it,
/// <see cref="Rejected"/> with the states it allows from <see cref="PreviousState"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("acteon.transition-result")]
public sealed record TransitionResult
{
    [Id(0)] public required string Fingerprint { get; init; }
    [Id(1)] public required string PreviousState { get; init; }
    [Id(2)] public required string NewState { get; init; }
    [Id(3)] public required bool Notify { get; init; }

    /// <summary>The target that was not allowed, or null.</summary>
    [Id(4)] public string? Rejected { get; init; }

    [Id(5)] public IReadOnlyList<string> AllowedTargets { get; init; } = [];
}
