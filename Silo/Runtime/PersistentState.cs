using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Storage;

namespace Acteon.Silo.Runtime;

internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStateStore store, GrainStateSerializer serializer)
    : IPersistentState<TState>, IStateBinding where TState : class, new()
{
    private byte[]? _committed;

    public TState State { get; set; } = new();

    public string? ETag { get; private set; }

    public bool RecordExists => ETag is not null;

    public bool ReadOnActivation { get; init; } = true;

    public async Task ReadStateAsync()
    {
        var stored = await store.ReadAsync(grainId, stateName, CancellationToken.None);
        State = stored is null ? new TState() : serializer.Deserialize<TState>(stored.Data);
        ETag = stored?.ETag;
        _committed = stored?.Data;
    }

    /// <summary>
    /// A write that fails for any reason but a conflict (the store is down, say) puts back the last state read or
    /// written: the activation must not go on serving a value that may never have been stored. Had it been stored after
    /// all (an answer lost on the way), the ETag no longer matches, and the next write conflicts and reloads.
    /// </summary>
    public async Task WriteStateAsync()
    {
        var data = serializer.Serialize(State);
        try
        {
            ETag = await store.WriteAsync(grainId, stateName, data, ETag, (State as IExpiringState)?.ExpiresAt, CancellationToken.None);
            _committed = data;
        }
        catch (Exception error) when (error is not InconsistentStateException)
        {
            State = _committed is null ? new TState() : serializer.Deserialize<TState>(_committed);
            throw;
        }
    }

    public async Task ClearStateAsync()
    {
        await store.ClearAsync(grainId, stateName, ETag, CancellationToken.None);
        State = new TState();
        ETag = null;
        _committed = null;
    }
}
