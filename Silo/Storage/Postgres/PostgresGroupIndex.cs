using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Silo.Storage.Postgres;

internal sealed class PostgresGroupIndex(PostgresDatabase db) : IGroupIndex
{
    public Task AddAsync(string ns, string tenant, string groupKey, CancellationToken cancellationToken) =>
        Execute("INSERT INTO group_index (namespace, tenant, group_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING;", ns, tenant, groupKey, cancellationToken);

    public Task RemoveAsync(string ns, string tenant, string groupKey, CancellationToken cancellationToken) =>
        Execute("DELETE FROM group_index WHERE namespace = $1 AND tenant = $2 AND group_key = $3;", ns, tenant, groupKey, cancellationToken);

    public Task<IndexPage> ListAsync(string ns, string tenant, int offset, int limit, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            // group_key is COLLATE "C": ordinal (byte) order, as on the other stores.
            await using var select = db.Command(
                "SELECT group_key, COUNT(*) OVER () FROM group_index WHERE namespace = $1 AND tenant = $2 ORDER BY group_key LIMIT $3 OFFSET $4;",
                ns, tenant, limit, offset);
            var keys = new List<string>();
            long? total = null;
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    keys.Add(reader.GetString(0));
                    total = reader.GetInt64(1);
                }
            }

            if (total is null)
            {
                // A page past the end has no row to carry the count.
                await using var count = db.Command("SELECT COUNT(*) FROM group_index WHERE namespace = $1 AND tenant = $2;", ns, tenant);
                total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            }

            return new IndexPage(keys, (int)total.Value);
        });

    private Task<int> Execute(string sql, string ns, string tenant, string groupKey, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command(sql, ns, tenant, groupKey);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });
}
