using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Membership;
using Acteon.Silo.Reminders;
using Acteon.Silo.Runtime;
using Acteon.Silo.Storage;
using Acteon.Silo.Storage.Memory;
using Acteon.Silo.Storage.Postgres;
using Acteon.Silo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Acteon.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>The grain runtime: catalog, grain factory, reminders, membership and idle collection.</summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloOptions>? configure = null)
    {
        services.AddOptions<SiloOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiloLog>();
        services.TryAddSingleton<GrainTypeRegistry>();
        services.TryAddSingleton<GrainStateSerializer>();
        services.TryAddSingleton<PersistentStateFactory>();
        services.TryAddSingleton<GrainCatalog>();
        services.TryAddSingleton<IGrainFactory, GrainFactory>();
        services.TryAddSingleton<ReminderService>();
        services.TryAddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<ReminderService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MembershipService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ActivationCollector>());
        services.TryAddSingleton<StorageJanitor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageJanitor>(sp => sp.GetRequiredService<StorageJanitor>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReminderService>(sp => sp.GetRequiredService<ReminderService>()));
        return services;
    }

    /// <summary>Hosts <typeparamref name="TImplementation"/> for <typeparamref name="TInterface"/>; <paramref name="typeName"/> is stored with its state and reminders.</summary>
    public static IServiceCollection AddGrain<TInterface, TImplementation>(this IServiceCollection services, string typeName)
        where TInterface : IGrainWithStringKey
        where TImplementation : TInterface
    {
        services.AddSingleton(new GrainTypeDescriptor(typeName, typeof(TInterface), typeof(TImplementation)));
        return services;
    }

    public static IServiceCollection AddMemoryStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IGrainStateStore, MemoryGrainStateStore>();
        services.TryAddSingleton<IReminderStore, MemoryReminderStore>();
        services.TryAddSingleton<IMembershipStore, MemoryMembershipStore>();
        services.TryAddSingleton<IAuditStore, MemoryAuditStore>();
        services.TryAddSingleton<IStoreHealth, LocalStoreHealth>();
        return services;
    }

    /// <summary>The embedded store: one SQLite file (WAL) holding grain state, reminders, membership and audit.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string path)
    {
        services.TryAddSingleton(_ => new SqliteDatabase(path));
        services.TryAddSingleton<IGrainStateStore, SqliteGrainStateStore>();
        services.TryAddSingleton<IReminderStore, SqliteReminderStore>();
        services.TryAddSingleton<IMembershipStore, SqliteMembershipStore>();
        services.TryAddSingleton<IAuditStore, SqliteAuditStore>();
        services.TryAddSingleton<IStoreHealth, LocalStoreHealth>();
        return services;
    }

    /// <summary>
    /// The shared store: PostgreSQL (one connection pool) holding grain state, reminders, membership and audit for
    /// every node. The schema is brought up to date when the store is first used (at start-up).
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
        services.TryAddSingleton<IReminderStore, PostgresReminderStore>();
        services.TryAddSingleton<IMembershipStore, PostgresMembershipStore>();
        services.TryAddSingleton<IAuditStore, PostgresAuditStore>();
        services.TryAddSingleton<IStoreHealth, PostgresStoreHealth>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresReminderListener>());
        return services;
    }
}
