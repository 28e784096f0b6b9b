using Acteon.Grains;
using Acteon.Grains.Approvals;
using Acteon.Grains.Audit;
using Acteon.Grains.CircuitBreakers;
using Acteon.Grains.Streaming;
using Acteon.Silo.Cluster;
using Acteon.Grains.Chains;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Execution;
using Acteon.Grains.Recurring;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Embeddings;
using Acteon.Grains.StateMachines;
using Acteon.Providers.Aws;
using Acteon.Silo.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Silo.Hosting;

public static class ActeonServiceCollectionExtensions
{
    /// <summary>
    /// The gateway's services as acteon.toml describes them, in a silo and in a client alike: stores, the dispatch
    /// pipeline, rules, providers, audit and their options. The Orleans side is <see cref="ActeonSiloBuilderExtensions"/>.
    /// </summary>
    public static IServiceCollection AddActeonServices(this IServiceCollection services, ActeonConfig config)
    {
        services.AddSingleton(config);
        services.AddActeonStorage(config.State);
        services.AddActeonGrains();
        services.AddAwsProviders();
        services.Configure<ExecutorOptions>(o =>
        {
            var e = config.Executor;
            (o.MaxRetries, o.Timeout, o.MaxConcurrent, o.RetryBaseDelay, o.RetryMaxDelay) = (e.MaxRetries, e.Timeout, e.MaxConcurrent, e.RetryBaseDelay, e.RetryMaxDelay);
        });
        services.Configure<DispatchOptions>(o => o.DefaultDedupTtl = config.Dispatch.DefaultDedupTtl);
        services.Configure<AuditOptions>(o =>
        {
            var a = config.Audit;
            (o.Enabled, o.StorePayload, o.Ttl, o.QueueCapacity, o.BatchSize, o.FlushInterval) = (a.Enabled, a.StorePayload, a.Ttl, a.QueueCapacity, a.BatchSize, a.FlushInterval);
            (o.DeadLetterCapacity, o.ReadinessBacklog) = (a.DeadLetterCapacity, a.ReadinessBacklog);
        });
        services.Configure<RuleOptions>(o =>
        {
            var r = config.Rules;
            (o.Directory, o.DefaultTimeZone, o.Watch) = (r.Directory, r.DefaultTimeZone, r.Watch);
        });
        services.Configure<EmbeddingOptions>(o =>
        {
            var e = config.Embedding;
            (o.Enabled, o.Provider, o.Endpoint, o.Model, o.ApiKey, o.Timeout, o.FailOpen, o.CacheCapacity) =
                (e.Enabled, e.Provider, e.Endpoint, e.Model, e.ApiKey, e.Timeout, e.FailOpen, e.CacheCapacity);
        });
        services.Configure<CircuitBreakerOptions>(o =>
        {
            var c = config.CircuitBreaker;
            (o.Enabled, o.Defaults, o.Providers) = (c.Enabled, c.Defaults, c.Providers);
        });
        services.Configure<StreamOptions>(o =>
        {
            var s = config.Server;
            (o.Enabled, o.MaxConnectionsPerTenant, o.ReplayBufferSize, o.ClientBufferSize) = (s.SseEnabled, s.MaxSseConnectionsPerTenant, s.SseReplayBuffer, s.SseClientBuffer);
        });
        if (config.State.Backend == StateConfig.Postgres)
        {
            // The nodes of a cluster share this database: stream events and breaker states reach the others through it.
            services.AddPostgresClusterBus(config.State.Url!);
        }

        services.Configure<ApprovalOptions>(o =>
        {
            var a = config.Approvals;
            (o.ExternalUrl, o.Keys, o.Retention) = (a.ExternalUrl, a.Keys, a.Retention);
        });
        services.Configure<ChainOptions>(o => o.Definitions = config.Chains);
        services.Configure<RecurringOptions>(o => (o.MinInterval, o.MissedAfter, o.RetryPeriod) = (config.Recurring.MinInterval, config.Recurring.MissedAfter, config.Recurring.RetryPeriod));
        services.Configure<StateMachineOptions>(o =>
        {
            foreach (var machine in config.StateMachines)
            {
                o.Machines[machine.Name] = machine;
            }
        });
        foreach (var provider in config.Providers)
        {
            services.AddSingleton(provider);
        }

        return services;
    }

    public static IServiceCollection AddActeonStorage(this IServiceCollection services, StateConfig state) => state.Backend switch
    {
        StateConfig.Memory => services.AddMemoryStorage(),
        StateConfig.Sqlite => services.AddSqliteStorage(state.Path),
        StateConfig.Postgres => services.AddPostgresStorage(state.Url ?? throw new ConfigurationException("[state] url is required when backend = \"postgres\"")),
        _ => throw new ConfigurationException(
            $"[state] backend = \"{state.Backend}\" is not known; use \"sqlite\" (the embedded default), \"postgres\" or \"memory\""),
    };
}
