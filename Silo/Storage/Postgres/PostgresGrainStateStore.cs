using System.Globalization;
using Orleans.Storage;

namespace Acteon.Silo.Storage.Postgres;

internal sealed class PostgresGrainStateStore(PostgresDatabase db, PostgresStateWriter writer) : IGrainStateStore
{
    private const string Key = "grain_type=$1 AND grain_key=$2 AND state_name=$3";

    public Task<StoredState?> ReadAsync(StateKey grainId, string stateName, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command($"SELECT data, etag FROM grain_state WHERE {Key};", grainId.Type, grainId.Key, stateName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new StoredState((byte[])reader.GetValue(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture))
                : null;
        });

    public async Task<string> WriteAsync(StateKey grainId, string stateName, byte[] data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var expires = expiresAt?.UtcTicks;
        // The batch's key order: the statement's own key, so that every batch locks rows in the same order.
        var key = $"{grainId.Type}\n{grainId.Key}\n{stateName}";
        var etag = expectedETag is null
            // A row that was cleared and inserted again must not reuse an ETag an old reader may still hold.
            ? await writer.WriteAsync(key, "INSERT INTO grain_state (grain_type, grain_key, state_name, data, expires_at, etag) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING etag;",
                grainId.Type, grainId.Key, stateName, data, expires, Random.Shared.NextInt64(1, 1L << 62))
            : await writer.WriteAsync(key, $"UPDATE grain_state SET data=$4, expires_at=$5, etag=etag+1 WHERE {Key} AND etag=$6 RETURNING etag;",
                grainId.Type, grainId.Key, stateName, data, expires, ParseETag(expectedETag));
        return etag is { } value ? value.ToString(CultureInfo.InvariantCulture) : throw Conflict(grainId, stateName);
    }

    public Task ClearAsync(StateKey grainId, string stateName, string? expectedETag, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            if (expectedETag is null)
            {
                await using var exists = db.Command($"SELECT 1 FROM grain_state WHERE {Key};", grainId.Type, grainId.Key, stateName);
                return await exists.ExecuteScalarAsync(cancellationToken) is null ? true : throw Conflict(grainId, stateName);
            }

            await using var command = db.Command($"DELETE FROM grain_state WHERE {Key} AND etag=$4;", grainId.Type, grainId.Key, stateName, ParseETag(expectedETag));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? true : throw Conflict(grainId, stateName);
        });

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("""
                DELETE FROM grain_state WHERE (grain_type, grain_key, state_name) IN
                    (SELECT grain_type, grain_key, state_name FROM grain_state WHERE expires_at IS NOT NULL AND expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED);
                """, now.UtcTicks, max);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    // An ETag that is not ours can never match a stored version.
    private static long ParseETag(string etag) => long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static InconsistentStateException Conflict(StateKey grainId, string stateName) =>
        new($"State '{stateName}' of {grainId} was changed by another writer.");
}
