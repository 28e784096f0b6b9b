using System.Diagnostics.Metrics;
using Acteon.Grains.Dispatch;

namespace Acteon.Grains.StateMachines;

/// <summary>State machine instruments on the gateway's meter: transitions by machine, target state and cause; rejected transitions.</summary>
public sealed class StateMachineMetrics
{
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _rejected;

    public StateMachineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(DispatchMetrics.MeterName);
        _transitions = meter.CreateCounter<long>("acteon.state.transitions", "{transition}", "State machine transitions by machine, target state and cause (dispatch, api, timeout)");
        _rejected = meter.CreateCounter<long>("acteon.state.rejected", "{transition}", "Transitions a state machine did not allow");
    }

    public void Transitioned(string machine, string to, string by) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("state_machine", machine), new KeyValuePair<string, object?>("to_state", to), new KeyValuePair<string, object?>("by", by));

    public void Rejected(string machine) => _rejected.Add(1, new KeyValuePair<string, object?>("state_machine", machine));
}
