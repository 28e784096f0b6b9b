namespace Acteon.Grains.StateMachines;

/// <summary>The configured state machines by name.</summary>
public sealed class StateMachineOptions
{
    public Dictionary<string, StateMachineDefinition> Machines { get; } = new(StringComparer.Ordinal);
}
