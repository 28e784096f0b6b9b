namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteMembershipStore(SqliteDatabase db) : IMembershipStore
{
    public Task UpsertAsync(MembershipEntry entry, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, """
                INSERT INTO membership (node_id, address, started_at, last_heartbeat, status) VALUES ($id, $a, $s, $h, $st)
                ON CONFLICT (node_id) DO UPDATE SET address=excluded.address, started_at=excluded.started_at,
                    last_heartbeat=excluded.last_heartbeat, status=excluded.status;
                """);
            command.Parameters.AddWithValue("$id", entry.NodeId);
            command.Parameters.AddWithValue("$a", entry.Address);
            command.Parameters.AddWithValue("$s", entry.StartedAt.UtcTicks);
            command.Parameters.AddWithValue("$h", entry.LastHeartbeat.UtcTicks);
            command.Parameters.AddWithValue("$st", entry.Status);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task HeartbeatAsync(string nodeId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Update("UPDATE membership SET last_heartbeat=$v WHERE node_id=$id;", nodeId, at.UtcTicks, cancellationToken);

    public Task SetStatusAsync(string nodeId, string status, CancellationToken cancellationToken) =>
        Update("UPDATE membership SET status=$v WHERE node_id=$id;", nodeId, status, cancellationToken);

    public Task<IReadOnlyList<MembershipEntry>> ListAsync(CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<MembershipEntry>>(connection =>
        {
            var command = SqliteDatabase.Command(connection, "SELECT node_id, address, started_at, last_heartbeat, status FROM membership ORDER BY node_id;");
            using var reader = command.ExecuteReader();
            var rows = new List<MembershipEntry>();
            while (reader.Read())
            {
                rows.Add(new MembershipEntry(reader.GetString(0), reader.GetString(1),
                    new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), reader.GetString(4)));
            }

            return rows;
        }, cancellationToken);

    private Task<int> Update(string sql, string nodeId, object value, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, sql);
            command.Parameters.AddWithValue("$id", nodeId);
            command.Parameters.AddWithValue("$v", value);
            return command.ExecuteNonQuery();
        }, cancellationToken);
}
