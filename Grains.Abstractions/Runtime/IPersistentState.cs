namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>
/// Durable grain state. Every write is a compare-and-swap on <see cref="ETag"/>: a write that loses
/// throws <see cref="InconsistentStateException"/>, and the runtime reloads the state and retries the call.
/// </summary>
public interface IPersistentState<TState> where TState : class, new()
{
    TState State { get; set; }

    /// <summary>Null while nothing is stored.</summary>
    string? ETag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    Task ClearStateAsync();
}
