using Acteon.Grains.Abstractions.Storage;
using Orleans.Storage;

namespace Acteon.Silo.Storage;

/// <summary>
/// Orleans grain storage on the project's state store (SQLite, PostgreSQL or memory): JSON state, writes that are a
/// compare-and-swap on the ETag (a lost one throws <see cref="InconsistentStateException"/>), and an expiry for state
/// that means nothing after a time (<see cref="IExpiringState"/>), so that one-off keys do not pile up.
/// </summary>
internal sealed class ActeonGrainStorage(IGrainStateStore store, GrainStateSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await store.ReadAsync(StateKey.Of(grainId), stateName, CancellationToken.None);
        grainState.State = stored is null ? CreateEmpty<T>() : serializer.Deserialize<T>(stored.Data);
        grainState.ETag = stored?.ETag;
        grainState.RecordExists = stored is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        var expiresAt = (grainState.State as IExpiringState)?.ExpiresAt;
        grainState.ETag = await store.WriteAsync(StateKey.Of(grainId), stateName, data, grainState.ETag, expiresAt, CancellationToken.None);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await store.ClearAsync(StateKey.Of(grainId), stateName, grainState.ETag, CancellationToken.None);
        grainState.State = CreateEmpty<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static T CreateEmpty<T>() => Activator.CreateInstance<T>();
}
