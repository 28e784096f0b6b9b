using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Silo.Storage.Postgres;

/// <summary>Appends go through the state writer's group commit, with the state writes queued beside them.</summary>
internal sealed class PostgresGroupEventLog(PostgresDatabase db, PostgresStateWriter writer) : IGroupEventLog
{
    public Task AppendAsync(string grainKey, string logId, IReadOnlyList<GroupEventRecord> events, CancellationToken cancellationToken) =>
        writer.WriteAsync($"group_events\n{grainKey}", """
            INSERT INTO group_events (grain_key, log_id, event_id, seq, data)
            SELECT $1, $2, e.id, e.seq, e.data FROM unnest($3::text[], $4::bigint[], $5::bytea[]) AS e(id, seq, data)
            ON CONFLICT DO NOTHING;
            """,
            grainKey, logId, events.Select(e => e.EventId).ToArray(), events.Select(e => e.Seq).ToArray(), events.Select(e => e.Data).ToArray());

    public Task<IReadOnlyList<GroupEventRecord>> ReadAsync(string grainKey, string logId, CancellationToken cancellationToken) =>
        db.RunAsync<IReadOnlyList<GroupEventRecord>>(async () =>
        {
            await using var command = db.Command("SELECT event_id, seq, data FROM group_events WHERE grain_key = $1 AND log_id = $2 ORDER BY seq, event_id;", grainKey, logId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var records = new List<GroupEventRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(new GroupEventRecord(reader.GetString(0), reader.GetInt64(1), (byte[])reader.GetValue(2)));
            }

            return records;
        });

    public Task DeleteAsync(string grainKey, string? keepLogId, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("DELETE FROM group_events WHERE grain_key = $1 AND log_id IS DISTINCT FROM $2::text;", grainKey, (object?)keepLogId ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });
}
