using Acteon.Silo.Storage.Postgres;
using Acteon.Tests.Shared;

namespace Acteon.Silo.Tests.Storage;

/// <summary>The PostgreSQL database the conformance suites share (created once, migrated), emptied for every test.</summary>
internal static class ConformanceDatabase
{
    private static readonly Lock Gate = new();
    private static Task<string>? _url;

    /// <summary>A store on the shared database, every table emptied; dispose it.</summary>
    public static PostgresDatabase OpenEmpty(PostgresFixture postgres)
    {
        Task<string> url;
        lock (Gate)
        {
            url = _url ??= postgres.Server.CreateDatabaseAsync("conformance");
        }

        var db = new PostgresDatabase(url.GetAwaiter().GetResult());
        db.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var truncate = db.Command("TRUNCATE grain_state, reminders, membership, membership_version, audit, audit_dead_letter;");
        truncate.ExecuteNonQuery();
        return db;
    }
}
