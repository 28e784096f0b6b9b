using Acteon.Silo.Configuration;
using Acteon.Silo.Storage;
using Acteon.Silo.Storage.Postgres;
using Acteon.Silo.Storage.Sqlite;

namespace Acteon.Silo.Hosting;

/// <summary>Brings the configured store's schema up to date without starting a node (<c>Gateway.Api migrate</c>).</summary>
public static class StoreMigration
{
    /// <summary>Applies the missing schema steps; returns a line saying what was done.</summary>
    public static async Task<string> MigrateAsync(StateConfig state, CancellationToken cancellationToken)
    {
        switch (state.Backend)
        {
            case StateConfig.Postgres:
                await using (var db = new PostgresDatabase(state.Url ?? throw new ConfigurationException("[state] url is required when backend = \"postgres\"")))
                {
                    var applied = await db.MigrateAsync(cancellationToken);
                    return $"postgres: schema at version {PostgresSchema.Migrations.Length} ({applied} step(s) applied)";
                }

            case StateConfig.Sqlite:
                // Opening the file applies its schema.
                try
                {
                    new SqliteDatabase(state.Path).Dispose();
                }
                catch (Exception error) when (error is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
                {
                    throw new StoreUnavailableException($"cannot open the SQLite store {Path.GetFullPath(state.Path)}: {error.Message}", error);
                }

                return $"sqlite: schema of {state.Path} is up to date";
            default:
                return $"{state.Backend}: nothing to migrate";
        }
    }
}
