using Acteon.Grains.StateMachines;
using Acteon.Silo.Configuration.Toml;

namespace Acteon.Silo.Configuration;

/// <summary>
/// <c>[[state_machines]]</c>: name, initial_state, states, transitions = [{from, to, notify}], timeouts = [{in_state,
/// after_seconds, transition_to}]. Unknown states, duplicate names and timeouts in a state no transition reaches are
/// errors with file and line.
/// </summary>
internal static class StateMachinesSection
{
    public static List<StateMachineDefinition> Read(TomlTable root, string file)
    {
        var machines = new List<StateMachineDefinition>();
        if (!root.TryGetValue("state_machines", out var value))
        {
            return machines;
        }

        if (value is not TomlArray array)
        {
            throw new ConfigurationException($"{file}:{root.GetLine("state_machines")}: 'state_machines' must be an array of tables ([[state_machines]])");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var table = array[i] as TomlTable ?? throw new ConfigurationException($"{file}:{array.Line}: state_machines[{i}] must be a table");
            var machine = ReadMachine(new TomlSection(table, file, $"state_machines[{i}]"), file);
            if (machines.Any(m => m.Name == machine.Name))
            {
                throw new ConfigurationException($"{file}:{table.GetLine("name")}: [state_machines] name: '{machine.Name}' is defined twice");
            }

            machines.Add(machine);
        }

        return machines;
    }

    private static StateMachineDefinition ReadMachine(TomlSection s, string file)
    {
        s.AllowOnly("name", "initial_state", "states", "transitions", "timeouts");
        var name = s.String("name") is { Length: > 0 } n ? n : throw s.Error("name", "is required");
        var states = Strings(s, "states");
        if (states.Count == 0)
        {
            throw s.Error("states", $"state machine '{name}' needs a non-empty list of states");
        }

        if (states.Distinct(StringComparer.Ordinal).Count() != states.Count)
        {
            throw s.Error("states", $"state machine '{name}' lists a state twice");
        }

        var initial = s.String("initial_state") ?? throw s.Error("initial_state", $"is required for state machine '{name}'");
        Known(s, "initial_state", initial, states);
        var transitions = new List<StateTransition>();
        foreach (var t in Tables(s, file, "transitions"))
        {
            t.AllowOnly("from", "to", "notify");
            var from = t.String("from") ?? throw t.Error("from", "is required");
            var to = t.String("to") ?? throw t.Error("to", "is required");
            Known(t, "from", from, states);
            Known(t, "to", to, states);
            transitions.Add(new StateTransition(from, to, t.Bool("notify") ?? false));
        }

        var reachable = Reachable(initial, transitions);
        var timeouts = new List<StateTimeout>();
        foreach (var t in Tables(s, file, "timeouts"))
        {
            t.AllowOnly("in_state", "after_seconds", "transition_to");
            var inState = t.String("in_state") ?? throw t.Error("in_state", "is required");
            var to = t.String("transition_to") ?? throw t.Error("transition_to", "is required");
            Known(t, "in_state", inState, states);
            Known(t, "transition_to", to, states);
            if (!reachable.Contains(inState))
            {
                throw t.Error("in_state", $"'{inState}' is not reachable from initial_state '{initial}' by any transition, so this timeout could never fire");
            }

            if (timeouts.Any(x => x.InState == inState))
            {
                throw t.Error("in_state", $"state '{inState}' has two timeouts");
            }

            var after = t.Seconds("after_seconds", 1, 365L * 86_400) ?? throw t.Error("after_seconds", "is required");
            timeouts.Add(new StateTimeout(inState, after, to));
        }

        return new StateMachineDefinition(name, initial, states, transitions, timeouts);
    }

    private static HashSet<string> Reachable(string initial, List<StateTransition> transitions)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { initial };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var t in transitions)
            {
                grew |= reached.Contains(t.From) && reached.Add(t.To);
            }
        }

        return reached;
    }

    private static void Known(TomlSection s, string key, string state, List<string> states)
    {
        if (!states.Contains(state))
        {
            throw s.Error(key, $"unknown state '{state}'; the states are {string.Join(", ", states)}");
        }
    }

    private static List<string> Strings(TomlSection s, string key)
    {
        if (!s.Table.TryGetValue(key, out var value))
        {
            throw s.Error(key, "is required");
        }

        return value is TomlArray array && array.All(v => v is string { Length: > 0 })
            ? [.. array.Cast<string>()]
            : throw s.Error(key, "must be a list of non-empty strings");
    }

    private static IEnumerable<TomlSection> Tables(TomlSection s, string file, string key)
    {
        if (!s.Table.TryGetValue(key, out var value))
        {
            yield break;
        }

        if (value is not TomlArray array)
        {
            throw s.Error(key, "must be a list of tables");
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return array[i] is TomlTable table
                ? new TomlSection(table, file, $"{key}[{i}]")
                : throw s.Error(key, $"element {i} must be a table");
        }
    }
}
