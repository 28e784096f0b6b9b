using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteGroupEventLog(SqliteDatabase db) : IGroupEventLog
{
    private const string Insert = "INSERT INTO group_events (grain_key, log_id, event_id, seq, data) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING;";
    private const string Select = "SELECT event_id, seq, data FROM group_events WHERE grain_key = ?1 AND log_id = ?2 ORDER BY seq, event_id;";

    public Task AppendAsync(string grainKey, string logId, IReadOnlyList<GroupEventRecord> events, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var statement = SqliteDatabase.Statement(connection, Insert);
            foreach (var record in events)
            {
                try
                {
                    statement.Bind(1, grainKey).Bind(2, logId).Bind(3, record.EventId).Bind(4, record.Seq).BindBlob(5, record.Data).Step();
                }
                finally
                {
                    statement.Reset();
                }
            }

            return events.Count;
        }, cancellationToken);

    public Task<IReadOnlyList<GroupEventRecord>> ReadAsync(string grainKey, string logId, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<GroupEventRecord>>(connection =>
        {
            var statement = SqliteDatabase.Statement(connection, Select).Bind(1, grainKey).Bind(2, logId);
            var records = new List<GroupEventRecord>();
            try
            {
                while (statement.Step())
                {
                    records.Add(new GroupEventRecord(statement.Text(0), statement.Int64(1), statement.Blob(2)));
                }
            }
            finally
            {
                statement.Reset();
            }

            return records;
        }, cancellationToken);

    public Task DeleteAsync(string grainKey, string? keepLogId, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, "DELETE FROM group_events WHERE grain_key = $key AND log_id IS NOT $keep;");
            command.Parameters.AddWithValue("$key", grainKey);
            command.Parameters.AddWithValue("$keep", (object?)keepLogId ?? DBNull.Value);
            return command.ExecuteNonQuery();
        }, cancellationToken);
}
