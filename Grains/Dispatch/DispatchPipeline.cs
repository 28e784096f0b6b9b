using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Audit;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Actions;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Dispatch;

/// <summary>
/// One dispatch, end to end: rules verdict → the grain that owns the key (dedup, throttle, schedule, group, state machine) → provider
/// (through its circuit breaker and the executor) → audit → stream → metrics. The REST layer has validated the action and checked that its provider
/// exists; a provider that is gone by the time a scheduled action comes due fails that action (non-retryable), once.
/// </summary>
public sealed class DispatchPipeline(
    RuleEngine rules,
    VerdictHandler verdicts,
    IAuditSink audit,
    DispatchMetrics metrics,
    IStreamEventPublisher stream,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time,
    IOptions<AuditOptions> auditOptions)
{
    private readonly AuditOptions _audit = auditOptions.Value;

    public async Task<DispatchOutcome> DispatchAsync(GatewayAction action, DispatchContext context, CancellationToken cancellationToken)
    {
        using var span = GatewayTelemetry.Source.StartActivity("dispatch", ActivityKind.Internal, context.ParentTrace);
        span?.SetTag("acteon.namespace", action.Namespace);
        span?.SetTag("acteon.tenant", action.Tenant);
        span?.SetTag("acteon.provider", action.Provider);
        span?.SetTag("acteon.action_type", action.ActionType);
        span?.SetTag("acteon.action_id", action.Id);
        // A dry run changes no state and is no dispatch: it is not counted.
        var started = context.DryRun ? 0 : metrics.Dispatched();

        var dispatchedAt = time.GetUtcNow();
        var match = await rules.Current.EvaluateAsync(new EvaluationContext(action, dispatchedAt, rules.Environment, rules.Embeddings));
        var decision = Decide(action, match, context);
        span?.SetTag("acteon.verdict", decision.Verdict);
        if (context.DryRun)
        {
            return new DryRunOutcome(decision.Verdict, match.RuleName, decision is RerouteAction reroute ? reroute.TargetProvider : action.Provider);
        }

        var outcome = await verdicts.HandleAsync(action, decision, match.RuleName, cancellationToken);
        metrics.Record(action, outcome, started);
        span?.SetTag("acteon.outcome", outcome.Name);
        if (_audit.Enabled)
        {
            var record = AuditRecordFactory.Create(action, outcome, decision.Verdict, match.RuleName, context, dispatchedAt, time.GetUtcNow(), _audit);
            await audit.EnqueueAsync(record, cancellationToken);
        }

        stream.Publish(StreamEvent.ActionDispatched(action, outcome));

        return outcome;
    }

    /// <summary>The action the verdict handler carries out; without a rule, an action with a dedup_key is deduplicated.</summary>
    private static RuleAction Decide(GatewayAction action, RuleMatch match, DispatchContext context)
    {
        var decision = match.Action;
        if ((context.Scheduled && decision is ScheduleAction) || (context.Notification && decision is GroupAction or StateMachineAction))
        {
            return AllowAction.Instance;
        }

        // An approved action is carried out now: a verdict that would hold it (again) runs it instead.
        if (context.Approved && decision is RequestApprovalAction or ChainAction or ScheduleAction or GroupAction or StateMachineAction)
        {
            return AllowAction.Instance;
        }

        return decision is AllowAction && action.DedupKey is not null ? DeduplicateAction.Default : decision;
    }
}
