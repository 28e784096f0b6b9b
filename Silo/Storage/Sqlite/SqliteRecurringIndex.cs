using Acteon.Grains.Abstractions.Recurring;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class SqliteRecurringIndex(SqliteDatabase db) : IRecurringIndex
{
    public Task UpsertAsync(string ns, string tenant, string id, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection,
                "INSERT INTO recurring_index (namespace, tenant, id, created_at) VALUES ($ns, $tenant, $id, $at) ON CONFLICT DO NOTHING;");
            command.Parameters.AddWithValue("$ns", ns);
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$at", createdAt.UtcTicks);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task DeleteAsync(string ns, string tenant, string id, CancellationToken cancellationToken) =>
        db.WriteAsync(connection =>
        {
            var command = SqliteDatabase.Command(connection, "DELETE FROM recurring_index WHERE namespace = $ns AND tenant = $tenant AND id = $id;");
            command.Parameters.AddWithValue("$ns", ns);
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string ns, string tenant, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<string>>(connection =>
        {
            var command = SqliteDatabase.Command(connection,
                "SELECT id FROM recurring_index WHERE namespace = $ns AND tenant = $tenant ORDER BY created_at, id;");
            command.Parameters.AddWithValue("$ns", ns);
            command.Parameters.AddWithValue("$tenant", tenant);
            var ids = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, cancellationToken);
}
