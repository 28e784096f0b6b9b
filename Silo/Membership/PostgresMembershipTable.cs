using System.Globalization;
using Acteon.Silo.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Acteon.Silo.Membership;

/// <summary>
/// Orleans' membership table in PostgreSQL. Every change is a compare-and-swap on two versions in one transaction:
/// the table's version (it must move from <c>v - 1</c> to the <c>v</c> the caller proposes) and, for an update, the
/// row's ETag. A row is the Orleans <see cref="MembershipEntry"/> as Orleans serializes it, with the columns that
/// queries need beside it; <c>i_am_alive</c> is kept apart so that a heartbeat does not rewrite the row.
/// </summary>
internal sealed class PostgresMembershipTable(PostgresDatabase db, Serializer<MembershipEntry> serializer, IOptions<ClusterOptions> cluster)
    : IMembershipTable
{
    private readonly string _clusterId = cluster.Value.ClusterId;

    public Task InitializeMembershipTable(bool tryInitTableVersion) => !tryInitTableVersion
        ? Task.CompletedTask
        : db.RunAsync(async () =>
        {
            await using var command = db.Command("INSERT INTO membership_version (cluster_id, version) VALUES ($1, 0) ON CONFLICT DO NOTHING;", _clusterId);
            return await command.ExecuteNonQueryAsync();
        });

    public Task DeleteMembershipTableEntries(string clusterId) =>
        db.RunAsync(async () =>
        {
            await using var rows = db.Command("DELETE FROM membership WHERE cluster_id=$1;", clusterId);
            await rows.ExecuteNonQueryAsync();
            await using var version = db.Command("DELETE FROM membership_version WHERE cluster_id=$1;", clusterId);
            return await version.ExecuteNonQueryAsync();
        });

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("DELETE FROM membership WHERE cluster_id=$1 AND status<>$2 AND i_am_alive < $3;",
                _clusterId, (int)SiloStatus.Active, beforeDate.UtcTicks);
            return await command.ExecuteNonQueryAsync();
        });

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync("AND silo=$2", key.ToParsableString());

    public Task<MembershipTableData> ReadAll() => ReadAsync("");

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        InTransactionAsync(tableVersion, async (connection, transaction) =>
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO membership (cluster_id, silo, status, entry, etag, i_am_alive) VALUES ($1, $2, $3, $4, 1, $5)
                ON CONFLICT DO NOTHING;
                """, connection, transaction);
            AddParameters(insert, _clusterId, entry.SiloAddress.ToParsableString(), (int)entry.Status, serializer.SerializeToArray(entry), entry.IAmAliveTime.Ticks);
            return await insert.ExecuteNonQueryAsync() == 1;
        });

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        InTransactionAsync(tableVersion, async (connection, transaction) =>
        {
            await using var update = new NpgsqlCommand("""
                UPDATE membership SET status=$3, entry=$4, etag=etag+1, i_am_alive=$5 WHERE cluster_id=$1 AND silo=$2 AND etag=$6;
                """, connection, transaction);
            AddParameters(update, _clusterId, entry.SiloAddress.ToParsableString(), (int)entry.Status, serializer.SerializeToArray(entry),
                entry.IAmAliveTime.Ticks, ParseETag(etag));
            return await update.ExecuteNonQueryAsync() == 1;
        });

    public Task UpdateIAmAlive(MembershipEntry entry) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command("UPDATE membership SET i_am_alive=$3 WHERE cluster_id=$1 AND silo=$2;",
                _clusterId, entry.SiloAddress.ToParsableString(), entry.IAmAliveTime.Ticks);
            return await command.ExecuteNonQueryAsync();
        });

    /// <summary>Runs <paramref name="change"/> and moves the table version, both or neither.</summary>
    private Task<bool> InTransactionAsync(TableVersion tableVersion, Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> change) =>
        db.RunAsync(async () =>
        {
            await using var connection = await db.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            if (!await change(connection, transaction))
            {
                return false;
            }

            await using var version = new NpgsqlCommand("UPDATE membership_version SET version=$2 WHERE cluster_id=$1 AND version=$3;", connection, transaction);
            AddParameters(version, _clusterId, tableVersion.Version, tableVersion.Version - 1);
            if (await version.ExecuteNonQueryAsync() != 1)
            {
                return false;
            }

            await transaction.CommitAsync();
            return true;
        });

    private Task<MembershipTableData> ReadAsync(string rowFilter, params object[] parameters) =>
        db.RunAsync(async () =>
        {
            await using var command = db.Command($"""
                SELECT v.version, m.entry, m.etag, m.i_am_alive FROM membership_version v
                LEFT JOIN membership m ON m.cluster_id = v.cluster_id {rowFilter}
                WHERE v.cluster_id=$1;
                """, [_clusterId, .. parameters]);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Tuple<MembershipEntry, string>>();
            var version = 0;
            while (await reader.ReadAsync())
            {
                version = reader.GetInt32(0);
                if (!reader.IsDBNull(1))
                {
                    var entry = serializer.Deserialize((byte[])reader.GetValue(1)) ?? throw new InvalidDataException("empty membership row");
                    entry.IAmAliveTime = new DateTime(reader.GetInt64(3), DateTimeKind.Utc);
                    rows.Add(Tuple.Create(entry, reader.GetInt64(2).ToString(CultureInfo.InvariantCulture)));
                }
            }

            var tableVersion = new TableVersion(version, version.ToString(CultureInfo.InvariantCulture));
            return new MembershipTableData(rows, tableVersion);
        });

    private static void AddParameters(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
    }

    private static long ParseETag(string etag) => long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
}
