using Acteon.Grains.Abstractions;
using Acteon.Grains.Approvals;
using Acteon.Grains.Chains;
using Microsoft.Extensions.DependencyInjection;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Abstractions.Scheduling;
using Acteon.Grains.Abstractions.Throttling;
using Acteon.Grains.CircuitBreakers;
using Acteon.Grains.Groups;
using Acteon.Grains.StateMachines;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Actions;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Dispatch;

/// <summary>Carries out a verdict: each stateful decision is made by the grain that owns its key, before any provider call.</summary>
public sealed class VerdictHandler(
    IGrainFactory grains, CircuitBreakerGate breakers, GroupAddBatcher groups, ApprovalRequester approvals, ChainStarter chains,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time, IOptions<DispatchOptions> options)
{
    private readonly DispatchOptions _options = options.Value;

    // One reference for every claim: the silo's own stateless worker answers it.
    private readonly IDeduplicationGrain _dedup = grains.Reference<IDeduplicationGrain>(IDeduplicationGrain.LocalKey);

    public async Task<DispatchOutcome> HandleAsync(GatewayAction action, RuleAction decision, string? rule, CancellationToken cancellationToken)
    {
        switch (decision)
        {
            case DenyAction or SuppressAction:
                return new SuppressedOutcome(rule!);
            case DeduplicateAction dedup:
                var key = action.DedupKey ?? action.Id;
                var claimed = await _dedup.TryClaimAsync(ScopedKey(action, key), dedup.Ttl ?? _options.DefaultDedupTtl);
                return claimed ? await ExecuteAsync(action, action.Provider, cancellationToken) : new DeduplicatedOutcome(action.Id, key);
            case ThrottleAction throttle:
                var decisionOfWindow = await grains.Reference<IThrottleGrain>(ScopedKey(action, rule!)).TryAcquireAsync(throttle.MaxCount, throttle.Window);
                return decisionOfWindow.Admitted
                    ? await ExecuteAsync(action, action.Provider, cancellationToken)
                    : new ThrottledOutcome(rule!, decisionOfWindow.RetryAfterSeconds);
            case RerouteAction reroute:
                // A reroute rule names its target on purpose: it bypasses breakers (as in the original).
                var rerouted = await breakers.ExecuteAsync(action, reroute.TargetProvider, cancellationToken, guarded: false);
                return rerouted is ExecutedOutcome executed
                    ? new ReroutedOutcome(action.Id, action.Provider, reroute.TargetProvider, executed.Response)
                    : rerouted;
            case ModifyAction modify:
                var patched = action with { Payload = JsonMergePatch.Apply(action.Payload, modify.Changes) };
                return await ExecuteAsync(patched, action.Provider, cancellationToken);
            case ScheduleAction schedule:
                var scheduledId = Guid.CreateVersion7(time.GetUtcNow()).ToString();
                var dueAt = time.GetUtcNow() + schedule.Delay;
                await grains.Reference<IScheduledActionGrain>(scheduledId).ScheduleAsync(action, dueAt);
                return new ScheduledOutcome(scheduledId, dueAt);
            case GroupAction group:
                return await GroupVerdict.HandleAsync(groups, action, group, time.GetUtcNow());
            case StateMachineAction machine:
                return await StateMachineVerdict.HandleAsync(grains, action, machine);
            case RequestApprovalAction approval:
                return await approvals.RequestAsync(action, approval, rule!);
            case ChainAction chain:
                return await chains.StartAsync(action, chain, rule);
            default:
                return await ExecuteAsync(action, action.Provider, cancellationToken);
        }
    }

    /// <summary>A grain key scoped by namespace and tenant; ':' and '\' in them are escaped so scopes never collide.</summary>
    public static string ScopedKey(GatewayAction action, string key) => ScopedKey(action.Namespace, action.Tenant, key);

    /// <inheritdoc cref="ScopedKey(GatewayAction, string)"/>
    public static string ScopedKey(string ns, string tenant, string key) => $"{Escape(ns)}:{Escape(tenant)}:{key}";

    private static string Escape(string part) => part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);

    /// <summary>Through the provider's circuit breaker: executed, failed, rerouted to a fallback, or circuit_open.</summary>
    private Task<DispatchOutcome> ExecuteAsync(GatewayAction action, string provider, CancellationToken cancellationToken) =>
        breakers.ExecuteAsync(action, provider, cancellationToken);
}
