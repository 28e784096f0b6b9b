namespace Acteon.Grains.Rules.Actions;

public sealed record StateMachineAction(string StateMachine, IReadOnlyList<string> FingerprintFields) : RuleAction
{
    public override string Verdict => "state_machine";

    public override bool Supported => false;
}
