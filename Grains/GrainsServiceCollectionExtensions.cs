using Acteon.Grains.Abstractions;
using System.Text.Json.Serialization.Metadata;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Approvals;
using Acteon.Grains.Audit;
using Acteon.Grains.CircuitBreakers;
using Acteon.Grains.Cluster;
using Acteon.Grains.Streaming;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Chains;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Execution;
using Acteon.Grains.Groups;
using Acteon.Grains.StateMachines;
using Acteon.Grains.Providers;
using Acteon.Grains.Recurring;
using Acteon.Grains.Providers.Health;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Embeddings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Acteon.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>The dispatch pipeline, its grains, the executor, circuit breakers, the stream, the log and webhook providers and the audit writer.</summary>
    public static IServiceCollection AddActeonGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(GatewayClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddMetrics();
        services.AddOptions<DispatchOptions>();
        services.AddOptions<ExecutorOptions>();
        services.AddOptions<AuditOptions>();
        services.AddOptions<RuleOptions>();
        services.AddOptions<EmbeddingOptions>();
        services.AddOptions<RecurringOptions>();
        services.AddOptions<StateMachineOptions>();
        services.AddHttpClient();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJsonTypeInfoResolver>(GrainsJsonContext.Default));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderFactory, LogProviderFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderFactory, WebhookProviderFactory>());
        services.TryAddSingleton<IProviderRegistry, ProviderRegistry>();
        services.TryAddSingleton<ProviderHealthMetrics>();
        services.TryAddSingleton<ActionExecutor>();
        services.TryAddSingleton<DispatchMetrics>();
        services.TryAddSingleton<GroupMetrics>();
        services.TryAddSingleton<GroupAddBatcher>();
        services.TryAddSingleton<StateMachineMetrics>();
        services.TryAddSingleton<EmbeddingService>();
        services.TryAddSingleton<RuleEngine>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RuleEngineService>());
        services.AddOptions<CircuitBreakerOptions>();
        services.AddOptions<StreamOptions>();
        services.TryAddSingleton<ClusterBus>();
        services.TryAddSingleton<CircuitBreakerCache>();
        services.TryAddSingleton<CircuitBreakerMetrics>();
        services.TryAddSingleton<CircuitBreakerGate>();
        services.TryAddSingleton<StreamHub>();
        services.TryAddSingleton<IStreamEventPublisher>(sp => sp.GetRequiredService<StreamHub>());
        services.AddApprovals();
        services.AddChains();
        services.TryAddSingleton<VerdictHandler>();
        services.TryAddSingleton<DispatchPipeline>();
        services.TryAddSingleton<OccurrenceRunner>();
        services.TryAddSingleton<RecurringAudit>();
        services.TryAddSingleton<BatchingAuditWriter>();
        services.TryAddSingleton<IAuditSink>(sp => sp.GetRequiredService<BatchingAuditWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BatchingAuditWriter>(sp => sp.GetRequiredService<BatchingAuditWriter>()));
        return services;
    }
}
