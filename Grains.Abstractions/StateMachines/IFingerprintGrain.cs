namespace Acteon.Grains.Abstractions.StateMachines;

/// <summary>
/// One per event fingerprint (<c>{namespace}:{tenant}:{fingerprint}</c>): its state in a configured state machine, its
/// history, and the reminder of its state's timeout.
/// </summary>
[Alias("acteon.fingerprint")]
public interface IFingerprintGrain : IGrainWithStringKey
{
    /// <summary>A dispatched action asks for its status; a status the machine does not allow is rejected and the state stays.</summary>
    [Alias("ApplyAsync")]
    Task<TransitionResult> ApplyAsync(FingerprintCommand command);

    /// <summary>An operator's transition (the events API); null when the fingerprint has no state.</summary>
    [Alias("TransitionAsync")]
    Task<TransitionResult?> TransitionAsync(string toState, string by);

    [Alias("GetAsync")]
    Task<EventSnapshot?> GetAsync();
}
