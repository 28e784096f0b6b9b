namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>
/// The fingerprint's state machine took the action's status. <see cref="RejectedTransition"/> is set when the machine
/// does not allow that status from the current state: the state stays (<see cref="NewState"/> = <see cref="PreviousState"/>).
/// </summary>
public sealed record StateChangedOutcome(string Fingerprint, string PreviousState, string NewState, bool Notify, string? RejectedTransition = null) : DispatchOutcome
{
    public override string Name => "state_changed";
}
