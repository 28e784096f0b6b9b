namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>Marks a grain constructor parameter of type IPersistentState&lt;T&gt; with the state's name.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;

    /// <summary>
    /// False: the activation does not read the state first; it starts as if nothing were stored, so its first write is
    /// an insert-if-absent. When a record does exist that write conflicts, and the runtime reloads the state and retries
    /// the call as for any lost write. For grains whose keys are mostly new (one per dedup key), where the read would
    /// almost always find nothing. Default true.
    /// </summary>
    public bool ReadOnActivation { get; init; } = true;
}
