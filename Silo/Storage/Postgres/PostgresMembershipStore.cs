namespace Acteon.Silo.Storage.Postgres;

internal sealed class PostgresMembershipStore(PostgresDatabase db) : IMembershipStore
{
    public Task UpsertAsync(MembershipEntry entry, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO membership (node_id, address, started_at, last_heartbeat, status) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (node_id) DO UPDATE SET address=excluded.address, started_at=excluded.started_at,
                last_heartbeat=excluded.last_heartbeat, status=excluded.status;
            """, cancellationToken, entry.NodeId, entry.Address, entry.StartedAt.UtcTicks, entry.LastHeartbeat.UtcTicks, entry.Status);

    public Task HeartbeatAsync(string nodeId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE membership SET last_heartbeat=$2 WHERE node_id=$1;", cancellationToken, nodeId, at.UtcTicks);

    public Task SetStatusAsync(string nodeId, string status, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE membership SET status=$2 WHERE node_id=$1;", cancellationToken, nodeId, status);

    public Task<IReadOnlyList<MembershipEntry>> ListAsync(CancellationToken cancellationToken) =>
        db.RunAsync<IReadOnlyList<MembershipEntry>>(async () =>
        {
            await using var command = db.Command("SELECT node_id, address, started_at, last_heartbeat, status FROM membership ORDER BY node_id;");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<MembershipEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new MembershipEntry(reader.GetString(0), reader.GetString(1),
                    new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), reader.GetString(4)));
            }

            return rows;
        });

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command(sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });
}
