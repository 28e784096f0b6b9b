using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Storage;

namespace Acteon.Silo.Runtime;

internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStateStore store, GrainStateSerializer serializer)
    : IPersistentState<TState>, IStateBinding where TState : class, new()
{
    public TState State { get; set; } = new();

    public string? ETag { get; private set; }

    public bool RecordExists => ETag is not null;

    public bool ReadOnActivation { get; init; } = true;

    public async Task ReadStateAsync()
    {
        var stored = await store.ReadAsync(grainId, stateName, CancellationToken.None);
        State = stored is null ? new TState() : serializer.Deserialize<TState>(stored.Data);
        ETag = stored?.ETag;
    }

    public async Task WriteStateAsync() =>
        ETag = await store.WriteAsync(grainId, stateName, serializer.Serialize(State), ETag, (State as IExpiringState)?.ExpiresAt, CancellationToken.None);

    public async Task ClearStateAsync()
    {
        await store.ClearAsync(grainId, stateName, ETag, CancellationToken.None);
        State = new TState();
        ETag = null;
    }
}
