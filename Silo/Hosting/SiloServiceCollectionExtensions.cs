using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Silo.Storage;
using Acteon.Silo.Storage.Memory;
using Acteon.Silo.Storage.Postgres;
using Acteon.Silo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Acteon.Silo.Hosting;

/// <summary>The project's stores: grain state (behind Orleans' grain storage), audit and store health, per backend.</summary>
public static class SiloServiceCollectionExtensions
{
    public static IServiceCollection AddMemoryStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IGrainStateStore, MemoryGrainStateStore>();
        services.TryAddSingleton<IAuditStore, MemoryAuditStore>();
        services.TryAddSingleton<IRecurringIndex, MemoryRecurringIndex>();
        services.TryAddSingleton<IGroupEventLog, MemoryGroupEventLog>();
        services.TryAddSingleton<IGroupIndex, MemoryGroupIndex>();
        services.TryAddSingleton<IStoreHealth, LocalStoreHealth>();
        return services;
    }

    /// <summary>The embedded store: one SQLite file (WAL) holding grain state, reminders and audit.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string path)
    {
        services.TryAddSingleton(_ => new SqliteDatabase(path));
        services.TryAddSingleton<IGrainStateStore, SqliteGrainStateStore>();
        services.TryAddSingleton<IAuditStore, SqliteAuditStore>();
        services.TryAddSingleton<IRecurringIndex, SqliteRecurringIndex>();
        services.TryAddSingleton<IGroupEventLog, SqliteGroupEventLog>();
        services.TryAddSingleton<IGroupIndex, SqliteGroupIndex>();
        services.TryAddSingleton<IStoreHealth, LocalStoreHealth>();
        return services;
    }

    /// <summary>
    /// The shared store: PostgreSQL (one connection pool) holding grain state, reminders, membership and audit for
    /// every silo. The schema is brought up to date when the store is first used (at start-up).
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string url)
    {
        services.TryAddSingleton(_ =>
        {
            var db = new PostgresDatabase(url);
            db.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
            return db;
        });
        services.TryAddSingleton<PostgresStateWriter>();
        services.TryAddSingleton<IGrainStateStore, PostgresGrainStateStore>();
        services.TryAddSingleton<IAuditStore, PostgresAuditStore>();
        services.TryAddSingleton<IRecurringIndex, PostgresRecurringIndex>();
        services.TryAddSingleton<IGroupEventLog, PostgresGroupEventLog>();
        services.TryAddSingleton<IGroupIndex, PostgresGroupIndex>();
        services.TryAddSingleton<IStoreHealth, PostgresStoreHealth>();
        return services;
    }
}
