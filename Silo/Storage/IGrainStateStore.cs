using Orleans.Storage;

namespace Acteon.Silo.Storage;

/// <summary>
/// Durable grain state. Writes and clears are compare-and-swap on the ETag, so several nodes may share
/// one store: the store, not an in-process lock, decides who wins.
/// </summary>
public interface IGrainStateStore
{
    Task<StoredState?> ReadAsync(StateKey grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>
    /// Writes if the stored ETag equals <paramref name="expectedETag"/> (null: nothing stored). Returns the new ETag.
    /// A row with <paramref name="expiresAt"/> may be deleted by <see cref="DeleteExpiredAsync"/> once that time has passed.
    /// </summary>
    /// <exception cref="InconsistentStateException">Another writer changed the row first.</exception>
    Task<string> WriteAsync(StateKey grainId, string stateName, byte[] data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <inheritdoc cref="WriteAsync(StateKey, string, byte[], string?, DateTimeOffset?, CancellationToken)"/>
    Task<string> WriteAsync(StateKey grainId, string stateName, byte[] data, string? expectedETag, CancellationToken cancellationToken) =>
        WriteAsync(grainId, stateName, data, expectedETag, null, cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> rows whose expiry is at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Deletes if the stored ETag equals <paramref name="expectedETag"/>.</summary>
    /// <exception cref="InconsistentStateException">Another writer changed the row first.</exception>
    Task ClearAsync(StateKey grainId, string stateName, string? expectedETag, CancellationToken cancellationToken);
}
