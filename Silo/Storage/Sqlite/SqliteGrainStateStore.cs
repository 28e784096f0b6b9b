using System.Globalization;
using Acteon.Grains.Abstractions.Runtime;
using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteGrainStateStore(SqliteDatabase db) : IGrainStateStore
{
    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken) =>
        db.ReadAsync(connection =>
        {
            var command = Command(connection, "SELECT data, etag FROM grain_state WHERE grain_type=$t AND grain_key=$k AND state_name=$n;", grainId, stateName);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new StoredState((byte[])reader.GetValue(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture))
                : null;
        }, cancellationToken);

    public Task<string> WriteAsync(GrainId grainId, string stateName, byte[] data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var sql = expectedETag is null
                ? "INSERT INTO grain_state (grain_type, grain_key, state_name, data, etag, expires_at) VALUES ($t, $k, $n, $d, $first, $x) ON CONFLICT DO NOTHING RETURNING etag;"
                : "UPDATE grain_state SET data=$d, etag=etag+1, expires_at=$x WHERE grain_type=$t AND grain_key=$k AND state_name=$n AND etag=$e RETURNING etag;";
            var command = Command(connection, sql, grainId, stateName);
            command.Parameters.AddWithValue("$d", data);
            command.Parameters.AddWithValue("$x", expiresAt is { } x ? x.UtcTicks : DBNull.Value);
            if (expectedETag is null)
            {
                // A row that was cleared and inserted again must not reuse an ETag an old reader may still hold.
                command.Parameters.AddWithValue("$first", Random.Shared.NextInt64(1, 1L << 62));
            }

            AddETag(command, expectedETag);
            return command.ExecuteScalar() is long etag
                ? etag.ToString(CultureInfo.InvariantCulture)
                : throw Conflict(grainId, stateName);
        }, cancellationToken);

    public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            if (expectedETag is null)
            {
                var exists = Command(connection, "SELECT 1 FROM grain_state WHERE grain_type=$t AND grain_key=$k AND state_name=$n;", grainId, stateName);
                return exists.ExecuteScalar() is null ? true : throw Conflict(grainId, stateName);
            }

            var command = Command(connection, "DELETE FROM grain_state WHERE grain_type=$t AND grain_key=$k AND state_name=$n AND etag=$e;", grainId, stateName);
            AddETag(command, expectedETag);
            return command.ExecuteNonQuery() == 1 ? true : throw Conflict(grainId, stateName);
        }, cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, """
                DELETE FROM grain_state WHERE (grain_type, grain_key, state_name) IN
                    (SELECT grain_type, grain_key, state_name FROM grain_state WHERE expires_at IS NOT NULL AND expires_at <= $now LIMIT $max);
                """);
            command.Parameters.AddWithValue("$now", now.UtcTicks);
            command.Parameters.AddWithValue("$max", max);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, string sql, GrainId grainId, string stateName)
    {
        var command = SqliteDatabase.Command(connection, sql);
        command.Parameters.AddWithValue("$t", grainId.Type);
        command.Parameters.AddWithValue("$k", grainId.Key);
        command.Parameters.AddWithValue("$n", stateName);
        return command;
    }

    private static void AddETag(SqliteCommand command, string? expectedETag)
    {
        if (expectedETag is not null)
        {
            // An ETag that is not ours can never match a stored version.
            command.Parameters.AddWithValue("$e", long.TryParse(expectedETag, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1);
        }
    }

    private static InconsistentStateException Conflict(GrainId grainId, string stateName) =>
        new($"State '{stateName}' of {grainId} was changed by another writer.");
}
