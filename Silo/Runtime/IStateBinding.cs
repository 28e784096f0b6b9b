namespace Acteon.Silo.Runtime;

/// <summary>The runtime's handle on a grain's persistent state: loaded before activation, reloaded after a lost write.</summary>
internal interface IStateBinding
{
    /// <summary>False when the state starts as absent and is read only after a write conflicts.</summary>
    bool ReadOnActivation { get; }

    Task ReadStateAsync();
}
