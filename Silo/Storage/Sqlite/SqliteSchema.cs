using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

/// <summary>Versioned schema of the embedded store; each step runs once, in a transaction with its version bump.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE grain_state (
            grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL,
            data BLOB NOT NULL, etag INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)) WITHOUT ROWID;
        CREATE TABLE reminders (
            grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, name TEXT NOT NULL,
            due_at INTEGER NOT NULL, period_ticks INTEGER NOT NULL, version TEXT NOT NULL,
            lease_owner TEXT NULL, lease_until INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (grain_type, grain_key, name));
        CREATE INDEX ix_reminders_due ON reminders (due_at);
        CREATE TABLE membership (
            node_id TEXT PRIMARY KEY, address TEXT NOT NULL, started_at INTEGER NOT NULL,
            last_heartbeat INTEGER NOT NULL, status TEXT NOT NULL);
        CREATE TABLE audit (
            id TEXT PRIMARY KEY, action_id TEXT NOT NULL, chain_id TEXT NULL,
            namespace TEXT NOT NULL, tenant TEXT NOT NULL, provider TEXT NOT NULL, action_type TEXT NOT NULL,
            verdict TEXT NOT NULL, matched_rule TEXT NULL, outcome TEXT NOT NULL, caller_id TEXT NOT NULL,
            dispatched_at INTEGER NOT NULL, record TEXT NOT NULL);
        CREATE INDEX ix_audit_dispatched ON audit (dispatched_at DESC, id DESC);
        CREATE INDEX ix_audit_action ON audit (action_id, dispatched_at DESC);
        CREATE INDEX ix_audit_scope ON audit (namespace, tenant, dispatched_at DESC);
        """,
        """
        ALTER TABLE grain_state ADD COLUMN expires_at INTEGER NULL;
        CREATE INDEX ix_grain_state_expires ON grain_state (expires_at) WHERE expires_at IS NOT NULL;
        ALTER TABLE audit ADD COLUMN expires_at INTEGER NULL;
        CREATE INDEX ix_audit_expires ON audit (expires_at) WHERE expires_at IS NOT NULL;
        """,
        // Ascending: each new row (dispatched_at grows) goes to the right edge of these indexes, where a B-tree appends
        // cheaply; in the descending ones every row went to the left edge of its range, splitting pages as it went.
        // A query's ORDER BY dispatched_at DESC, id DESC reads them backwards.
        """
        DROP INDEX ix_audit_dispatched;
        DROP INDEX ix_audit_action;
        DROP INDEX ix_audit_scope;
        CREATE INDEX ix_audit_dispatched ON audit (dispatched_at, id);
        CREATE INDEX ix_audit_action ON audit (action_id, dispatched_at);
        CREATE INDEX ix_audit_scope ON audit (namespace, tenant, dispatched_at);
        """,
        // Orleans runs the grains: its reminder service reads reminders by ring range (grain_hash), and membership is
        // Orleans' own. Reminders of the old runtime stay in reminders_v1 until LegacyReminderImport moves them.
        """
        ALTER TABLE reminders RENAME TO reminders_v1;
        DROP TABLE membership;
        CREATE TABLE reminders (
            service_id TEXT NOT NULL, grain_id TEXT NOT NULL, name TEXT NOT NULL,
            start_at INTEGER NOT NULL, period_ticks INTEGER NOT NULL, grain_hash INTEGER NOT NULL, etag INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, name)) WITHOUT ROWID;
        CREATE INDEX ix_reminders_hash ON reminders (service_id, grain_hash);
        """,
        // Recurring actions of a namespace and tenant, so that listing them reads these rows, not every grain.
        """
        CREATE TABLE recurring_index (
            namespace TEXT NOT NULL, tenant TEXT NOT NULL, id TEXT NOT NULL, created_at INTEGER NOT NULL,
            PRIMARY KEY (namespace, tenant, id)) WITHOUT ROWID;
        """,
        // Audit records the store rejected for their content, with the reason (bounded by [audit] dead_letter_capacity).
        """
        CREATE TABLE audit_dead_letter (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, record_id TEXT NOT NULL UNIQUE, action_id TEXT NOT NULL,
            namespace TEXT NOT NULL, tenant TEXT NOT NULL, provider TEXT NOT NULL, action_type TEXT NOT NULL, outcome TEXT NOT NULL,
            dispatched_at INTEGER NOT NULL, failed_at INTEGER NOT NULL, reason TEXT NOT NULL, record TEXT NOT NULL);
        """,
        // A group's events since its last flush, one row each (IGroupEventLog): an add writes its event, not the group;
        // and the live group keys of each scope (IGroupIndex): a group's start or end writes its own row only.
        """
        CREATE TABLE group_events (
            grain_key TEXT NOT NULL, log_id TEXT NOT NULL, event_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
            PRIMARY KEY (grain_key, log_id, event_id)) WITHOUT ROWID;
        CREATE TABLE group_index (
            namespace TEXT NOT NULL, tenant TEXT NOT NULL, group_key TEXT NOT NULL,
            PRIMARY KEY (namespace, tenant, group_key)) WITHOUT ROWID;
        """,
    ];

    public static void Apply(SqliteConnection connection) => Apply(connection, Migrations.Length);

    /// <summary>Applies the steps up to <paramref name="version"/> (tests build an older store with it).</summary>
    internal static void Apply(SqliteConnection connection, int version)
    {
        SqliteDatabase.Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = CurrentVersion(connection, transaction);
        for (var step = current; step < version; step++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[step] + "\nDELETE FROM schema_version; INSERT INTO schema_version VALUES ($v);";
            command.Parameters.AddWithValue("$v", step + 1);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static int CurrentVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        return command.ExecuteScalar() is long v ? (int)v : 0;
    }
}
