namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>Marks a grain constructor parameter of type IPersistentState&lt;T&gt; with the state's name.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;
}
