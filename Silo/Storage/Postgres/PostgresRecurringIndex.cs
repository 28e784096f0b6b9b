using Acteon.Grains.Abstractions.Recurring;

namespace Acteon.Silo.Storage.Postgres;

internal sealed class PostgresRecurringIndex(PostgresDatabase db) : IRecurringIndex
{
    public Task UpsertAsync(string ns, string tenant, string id, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command(
                "INSERT INTO recurring_index (namespace, tenant, id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING;",
                ns, tenant, id, createdAt.UtcTicks);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task DeleteAsync(string ns, string tenant, string id, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("DELETE FROM recurring_index WHERE namespace = $1 AND tenant = $2 AND id = $3;", ns, tenant, id);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task<IReadOnlyList<string>> ListAsync(string ns, string tenant, CancellationToken cancellationToken) =>
        db.RunAsync<IReadOnlyList<string>>(async () =>
        {
            await using var command = db.Command("SELECT id FROM recurring_index WHERE namespace = $1 AND tenant = $2 ORDER BY created_at, id;", ns, tenant);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });
}
