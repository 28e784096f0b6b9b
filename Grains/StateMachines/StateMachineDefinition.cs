namespace Acteon.Grains.StateMachines;

/// <summary>A <c>[[state_machines]]</c> entry of acteon.toml, validated at start-up (states known, timeouts reachable).</summary>
public sealed record StateMachineDefinition(
    string Name, string InitialState, IReadOnlyList<string> States, IReadOnlyList<StateTransition> Transitions, IReadOnlyList<StateTimeout> Timeouts)
{
    public StateTransition? Find(string from, string to)
    {
        foreach (var transition in Transitions)
        {
            if (transition.From == from && transition.To == to)
            {
                return transition;
            }
        }

        return null;
    }

    /// <summary>The states a fingerprint in <paramref name="from"/> may move to.</summary>
    public IReadOnlyList<string> AllowedFrom(string from) => [.. Transitions.Where(t => t.From == from).Select(t => t.To).Distinct()];

    public StateTimeout? TimeoutIn(string state) => Timeouts.FirstOrDefault(t => t.InState == state);
}
