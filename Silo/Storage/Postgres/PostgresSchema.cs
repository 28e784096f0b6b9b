using Npgsql;

namespace Acteon.Silo.Storage.Postgres;

/// <summary>
/// Versioned schema of the shared store. Every node applies it at start-up (and <c>Gateway.Api migrate</c> does
/// it alone): each step runs once, in one transaction with its version bump, under a transaction-scoped advisory
/// lock, so nodes starting together apply it once and the others see the finished schema.
/// </summary>
/// <remarks>
/// Times are UTC ticks (bigint), as in the embedded store, so values round-trip exactly. Grain keys and reminder
/// keys begin with <c>namespace:tenant:</c> and audit rows carry <c>namespace</c> and <c>tenant</c> columns: every
/// table can be split by tenant (declarative partitioning or one database per tenant group) without changing a
/// query, because every query on grain state and reminders is by full key.
/// </remarks>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key all nodes take while migrating ("acteon" in ASCII).</summary>
    public const long LockKey = 0x61637465_6F6E;

    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE grain_state (
            grain_type text NOT NULL, grain_key text NOT NULL, state_name text NOT NULL,
            data bytea NOT NULL, etag bigint NOT NULL, expires_at bigint NULL,
            PRIMARY KEY (grain_type, grain_key, state_name));
        CREATE INDEX ix_grain_state_expires ON grain_state (expires_at) WHERE expires_at IS NOT NULL;
        CREATE TABLE reminders (
            grain_type text NOT NULL, grain_key text NOT NULL, name text NOT NULL,
            due_at bigint NOT NULL, period_ticks bigint NOT NULL, version text NOT NULL,
            lease_owner text NULL, lease_until bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (grain_type, grain_key, name));
        CREATE INDEX ix_reminders_due ON reminders (due_at);
        CREATE TABLE membership (
            node_id text PRIMARY KEY, address text NOT NULL, started_at bigint NOT NULL,
            last_heartbeat bigint NOT NULL, status text NOT NULL);
        CREATE TABLE audit (
            id text PRIMARY KEY, action_id text NOT NULL, chain_id text NULL,
            namespace text NOT NULL, tenant text NOT NULL, provider text NOT NULL, action_type text NOT NULL,
            verdict text NOT NULL, matched_rule text NULL, outcome text NOT NULL, caller_id text NOT NULL,
            dispatched_at bigint NOT NULL, record jsonb NOT NULL, expires_at bigint NULL);
        CREATE INDEX ix_audit_dispatched ON audit (dispatched_at DESC, id DESC);
        CREATE INDEX ix_audit_action ON audit (action_id, dispatched_at DESC);
        CREATE INDEX ix_audit_scope ON audit (namespace, tenant, dispatched_at DESC);
        CREATE INDEX ix_audit_expires ON audit (expires_at) WHERE expires_at IS NOT NULL;
        """,
        // Ascending: new rows (dispatched_at grows) land on the rightmost leaf, which PostgreSQL appends to on a fast
        // path and splits 90/10; in the descending indexes every row went to the leftmost leaf of its range, whose
        // 50/50 splits left half-empty pages. ORDER BY dispatched_at DESC, id DESC scans them backwards.
        """
        DROP INDEX ix_audit_dispatched;
        DROP INDEX ix_audit_action;
        DROP INDEX ix_audit_scope;
        CREATE INDEX ix_audit_dispatched ON audit (dispatched_at, id);
        CREATE INDEX ix_audit_action ON audit (action_id, dispatched_at);
        CREATE INDEX ix_audit_scope ON audit (namespace, tenant, dispatched_at);
        """,
        // Orleans runs the grains: its reminder service reads reminders by ring range (grain_hash), and the membership
        // table is Orleans' (PostgresMembershipTable). Reminders of the old runtime stay in reminders_v1 until
        // LegacyReminderImport moves them.
        """
        ALTER TABLE reminders RENAME TO reminders_v1;
        DROP TABLE membership;
        CREATE TABLE reminders (
            service_id text NOT NULL, grain_id text NOT NULL, name text NOT NULL,
            start_at bigint NOT NULL, period_ticks bigint NOT NULL, grain_hash bigint NOT NULL, etag bigint NOT NULL,
            PRIMARY KEY (service_id, grain_id, name));
        CREATE INDEX ix_reminders_hash ON reminders (service_id, grain_hash);
        CREATE TABLE membership_version (cluster_id text PRIMARY KEY, version integer NOT NULL);
        CREATE TABLE membership (
            cluster_id text NOT NULL REFERENCES membership_version (cluster_id), silo text NOT NULL, status integer NOT NULL,
            entry bytea NOT NULL, etag bigint NOT NULL, i_am_alive bigint NOT NULL,
            PRIMARY KEY (cluster_id, silo));
        """,
        // Recurring actions of a namespace and tenant, so that listing them reads these rows, not every grain.
        """
        CREATE TABLE recurring_index (
            namespace text NOT NULL, tenant text NOT NULL, id text NOT NULL, created_at bigint NOT NULL,
            PRIMARY KEY (namespace, tenant, id));
        """,
        // Audit records the store rejected for their content, with the reason (bounded by [audit] dead_letter_capacity).
        // text, not jsonb: the copy of the record must be storable whatever it holds.
        """
        CREATE TABLE audit_dead_letter (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, record_id text NOT NULL UNIQUE, action_id text NOT NULL,
            namespace text NOT NULL, tenant text NOT NULL, provider text NOT NULL, action_type text NOT NULL, outcome text NOT NULL,
            dispatched_at bigint NOT NULL, failed_at bigint NOT NULL, reason text NOT NULL, record text NOT NULL);
        """,
        // A group's events since its last flush, one row each (IGroupEventLog): an add writes its event, not the group;
        // and the live group keys of each scope (IGroupIndex): a group's start or end writes its own row only.
        """
        CREATE TABLE group_events (
            grain_key text NOT NULL, log_id text NOT NULL, event_id text NOT NULL, seq bigint NOT NULL, data bytea NOT NULL,
            PRIMARY KEY (grain_key, log_id, event_id));
        CREATE TABLE group_index (
            namespace text NOT NULL, tenant text NOT NULL, group_key text COLLATE "C" NOT NULL,
            PRIMARY KEY (namespace, tenant, group_key));
        """,
    ];

    /// <summary>Applies the missing steps; returns how many ran.</summary>
    public static async Task<int> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey});", cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);", cancellationToken);
        await using var read = new NpgsqlCommand("SELECT MAX(version) FROM schema_version;", connection, transaction);
        var current = await read.ExecuteScalarAsync(cancellationToken) is int v ? v : 0;
        for (var version = current; version < Migrations.Length; version++)
        {
            await ExecuteAsync(connection, transaction, Migrations[version], cancellationToken);
            await ExecuteAsync(connection, transaction, $"DELETE FROM schema_version; INSERT INTO schema_version VALUES ({version + 1});", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Math.Max(0, Migrations.Length - current);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
