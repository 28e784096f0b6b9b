using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteGroupIndex(SqliteDatabase db) : IGroupIndex
{
    public Task AddAsync(string ns, string tenant, string groupKey, CancellationToken cancellationToken) =>
        Write("INSERT INTO group_index (namespace, tenant, group_key) VALUES ($ns, $tenant, $key) ON CONFLICT DO NOTHING;", ns, tenant, groupKey, cancellationToken);

    public Task RemoveAsync(string ns, string tenant, string groupKey, CancellationToken cancellationToken) =>
        Write("DELETE FROM group_index WHERE namespace = $ns AND tenant = $tenant AND group_key = $key;", ns, tenant, groupKey, cancellationToken);

    public Task<IndexPage> ListAsync(string ns, string tenant, int offset, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync(connection =>
        {
            // BINARY collation: ordinal order of the UTF-8 keys, as on the other stores.
            var select = SqliteDatabase.Command(connection,
                "SELECT group_key FROM group_index WHERE namespace = $ns AND tenant = $tenant ORDER BY group_key LIMIT $limit OFFSET $offset;");
            select.Parameters.AddWithValue("$ns", ns);
            select.Parameters.AddWithValue("$tenant", tenant);
            select.Parameters.AddWithValue("$limit", limit);
            select.Parameters.AddWithValue("$offset", offset);
            var keys = new List<string>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    keys.Add(reader.GetString(0));
                }
            }

            var count = SqliteDatabase.Command(connection, "SELECT COUNT(*) FROM group_index WHERE namespace = $ns AND tenant = $tenant;");
            count.Parameters.AddWithValue("$ns", ns);
            count.Parameters.AddWithValue("$tenant", tenant);
            return new IndexPage(keys, (int)(long)count.ExecuteScalar()!);
        }, cancellationToken);

    private Task<int> Write(string sql, string ns, string tenant, string groupKey, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, sql);
            command.Parameters.AddWithValue("$ns", ns);
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$key", groupKey);
            return command.ExecuteNonQuery();
        }, cancellationToken);
}
