using System.Globalization;
using Orleans.Storage;
using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteGrainStateStore(SqliteDatabase db) : IGrainStateStore
{
    private const string Select = "SELECT data, etag FROM grain_state WHERE grain_type=?1 AND grain_key=?2 AND state_name=?3;";
    private const string Insert = "INSERT INTO grain_state (grain_type, grain_key, state_name, data, etag, expires_at) VALUES (?1, ?2, ?3, ?4, ?6, ?5) ON CONFLICT DO NOTHING RETURNING etag;";
    private const string Update = "UPDATE grain_state SET data=?4, etag=etag+1, expires_at=?5 WHERE grain_type=?1 AND grain_key=?2 AND state_name=?3 AND etag=?6 RETURNING etag;";

    public Task<StoredState?> ReadAsync(StateKey grainId, string stateName, CancellationToken cancellationToken) =>
        db.ReadAsync(connection =>
        {
            var statement = Key(SqliteDatabase.Statement(connection, Select), grainId, stateName);
            try
            {
                return statement.Step()
                    ? new StoredState(statement.Blob(0), statement.Int64(1).ToString(CultureInfo.InvariantCulture))
                    : null;
            }
            finally
            {
                statement.Reset();
            }
        }, cancellationToken);

    public Task<string> WriteAsync(StateKey grainId, string stateName, byte[] data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var statement = Key(SqliteDatabase.Statement(connection, expectedETag is null ? Insert : Update), grainId, stateName)
                .BindBlob(4, data)
                .Bind(5, expiresAt?.UtcTicks)
                // A new row gets a random first ETag: one that was cleared and inserted again must not reuse an ETag an
                // old reader may still hold. An ETag that is not ours can never match a stored version.
                .Bind(6, expectedETag is null ? Random.Shared.NextInt64(1, 1L << 62) : ParseETag(expectedETag));
            try
            {
                return statement.Step()
                    ? statement.Int64(0).ToString(CultureInfo.InvariantCulture)
                    : throw Conflict(grainId, stateName);
            }
            finally
            {
                statement.Reset();
            }
        }, cancellationToken);

    public Task ClearAsync(StateKey grainId, string stateName, string? expectedETag, CancellationToken cancellationToken) =>
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

    private static SqliteStatement Key(SqliteStatement statement, StateKey grainId, string stateName) =>
        statement.Bind(1, grainId.Type).Bind(2, grainId.Key).Bind(3, stateName);

    private static long ParseETag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static SqliteCommand Command(SqliteConnection connection, string sql, StateKey grainId, string stateName)
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
            command.Parameters.AddWithValue("$e", ParseETag(expectedETag));
        }
    }

    private static InconsistentStateException Conflict(StateKey grainId, string stateName) =>
        new($"State '{stateName}' of {grainId} was changed by another writer.");
}
