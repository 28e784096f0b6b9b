namespace Acteon.Grains.Rules.Actions;

/// <summary>Moves the action's fingerprint through the named state machine to the action's status.</summary>
public sealed record StateMachineAction(string StateMachine, KeyFields FingerprintFields) : RuleAction
{
    public override string Verdict => "state_machine";
}
