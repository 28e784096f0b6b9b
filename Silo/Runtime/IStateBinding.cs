namespace Acteon.Silo.Runtime;

/// <summary>The runtime's handle on a grain's persistent state: loaded before activation, reloaded after a lost write.</summary>
internal interface IStateBinding
{
    Task ReadStateAsync();
}
