using System.Diagnostics;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Abstractions.Runtime;
using Acteon.Grains.Audit;
using Acteon.Grains.Execution;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Dispatch;

/// <summary>
/// One dispatch, end to end: dedup grain → provider (through the executor) → audit → metrics.
/// The caller has validated the action and checked that its provider exists.
/// </summary>
public sealed class DispatchPipeline(
    IProviderRegistry providers,
    IGrainFactory grains,
    ActionExecutor executor,
    IAuditSink audit,
    DispatchMetrics metrics,
    TimeProvider time,
    IOptions<DispatchOptions> dispatchOptions,
    IOptions<AuditOptions> auditOptions)
{
    private readonly DispatchOptions _options = dispatchOptions.Value;
    private readonly AuditOptions _audit = auditOptions.Value;

    public async Task<DispatchOutcome> DispatchAsync(GatewayAction action, DispatchContext context, CancellationToken cancellationToken)
    {
        using var span = GatewayTelemetry.Source.StartActivity("dispatch", ActivityKind.Internal, context.ParentTrace);
        span?.SetTag("acteon.namespace", action.Namespace);
        span?.SetTag("acteon.tenant", action.Tenant);
        span?.SetTag("acteon.provider", action.Provider);
        span?.SetTag("acteon.action_type", action.ActionType);
        span?.SetTag("acteon.action_id", action.Id);
        metrics.Dispatched();

        var verdict = action.DedupKey is null ? "allow" : "deduplicate";
        if (context.DryRun)
        {
            return new DryRunOutcome(verdict, null, action.Provider);
        }

        if (!providers.TryGet(action.Provider, out _))
        {
            throw new InvalidOperationException($"provider not found: {action.Provider}");
        }

        var dispatchedAt = time.GetUtcNow();
        var eventId = Guid.CreateVersion7(dispatchedAt);
        var outcome = await DecideAsync(action, cancellationToken);
        metrics.Record(outcome);
        span?.SetTag("acteon.outcome", outcome.Name);
        if (_audit.Enabled)
        {
            var record = AuditRecordFactory.Create(action, outcome, verdict, context, dispatchedAt, time.GetUtcNow(), eventId, _audit);
            await audit.EnqueueAsync(record, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The grain key of a dedup key: scoped by namespace and tenant.</summary>
    public static string DedupGrainKey(GatewayAction action) => $"{action.Namespace}:{action.Tenant}:{action.DedupKey}";

    private async Task<DispatchOutcome> DecideAsync(GatewayAction action, CancellationToken cancellationToken)
    {
        if (action.DedupKey is { } dedupKey
            && !await grains.GetGrain<IDeduplicationGrain>(DedupGrainKey(action)).TryClaimAsync(_options.DefaultDedupTtl))
        {
            return new DeduplicatedOutcome(action.Id, dedupKey);
        }

        var result = await executor.ExecuteAsync(action.Provider, action, cancellationToken);
        return result.Response is { } response
            ? new ExecutedOutcome(action.Id, response)
            : new FailedOutcome(action.Id, result.Error!, result.Attempts);
    }
}
