using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Abstractions.StateMachines;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Rules.Actions;

namespace Acteon.Grains.StateMachines;

/// <summary>
/// Carries out a <c>state_machine</c> verdict: the fingerprint's grain decides and stores the transition and, for a
/// transition with <c>notify</c>, sends the action to its provider after that write (as it does for every notification).
/// </summary>
internal static class StateMachineVerdict
{
    public static async Task<DispatchOutcome> HandleAsync(
        IGrainFactory grains, GatewayAction action, StateMachineAction rule)
    {
        var fingerprint = rule.FingerprintFields.Fingerprint(action);
        var result = await grains.Reference<IFingerprintGrain>(VerdictHandler.ScopedKey(action, fingerprint)).ApplyAsync(new FingerprintCommand
        {
            Namespace = action.Namespace, Tenant = action.Tenant, Fingerprint = fingerprint, StateMachine = rule.StateMachine,
            TargetState = action.Status, ActionType = action.ActionType, Provider = action.Provider, By = "dispatch", Action = action,
        });
        return new StateChangedOutcome(fingerprint, result.PreviousState, result.NewState, result.Notify, result.Rejected);
    }
}
