using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Outcomes;

namespace Acteon.Grains.Abstractions.Streaming;

/// <summary>
/// One event for <c>GET /v1/stream</c> before it gets its id and time stamp: the <see cref="Type"/> tag
/// (<c>action_dispatched</c>, <c>group_flushed</c>, ...), its scope, and its own members. Build one with the factory
/// of its type and hand it to <see cref="IStreamEventPublisher.Publish"/>.
/// </summary>
/// <param name="Type">The SSE <c>event:</c> tag and the <c>type</c> member.</param>
/// <param name="Namespace">The namespace it belongs to (the <c>namespace</c> filter).</param>
/// <param name="Tenant">The tenant it belongs to (tenant isolation).</param>
public sealed record StreamEvent(string Type, string Namespace, string Tenant)
{
    public const string ActionDispatchedType = "action_dispatched";
    public const string GroupFlushedType = "group_flushed";
    public const string TimeoutType = "timeout";
    public const string ChainAdvancedType = "chain_advanced";
    public const string ApprovalRequiredType = "approval_required";

    /// <summary>The types a client may ask for with <c>event_type</c>.</summary>
    public static readonly IReadOnlyList<string> Types = [ActionDispatchedType, GroupFlushedType, TimeoutType, ChainAdvancedType, ApprovalRequiredType];

    public string? ActionType { get; init; }

    public string? ActionId { get; init; }

    /// <summary>Only for <c>action_dispatched</c>: what happened (sanitised when written: no provider bodies, approval URLs redacted).</summary>
    public DispatchOutcome? Outcome { get; init; }

    /// <summary>Only for <c>action_dispatched</c>: the provider the action named.</summary>
    public string? Provider { get; init; }

    /// <summary>The type's own members, written in order; values are strings, integers, booleans or null.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields { get; init; } = [];

    /// <summary>The outcome of a dispatch (the pipeline publishes these).</summary>
    public static StreamEvent ActionDispatched(GatewayAction action, DispatchOutcome outcome) =>
        new(ActionDispatchedType, action.Namespace, action.Tenant) { ActionType = action.ActionType, ActionId = action.Id, Outcome = outcome, Provider = action.Provider };

    public static StreamEvent GroupFlushed(string ns, string tenant, string groupId, string groupKey, int eventCount) =>
        new(GroupFlushedType, ns, tenant) { Fields = [new("group_id", groupId), new("group_key", groupKey), new("event_count", eventCount)] };

    public static StreamEvent Timeout(string ns, string tenant, string fingerprint, string stateMachine, string previousState, string newState) =>
        new(TimeoutType, ns, tenant)
        {
            Fields = [new("fingerprint", fingerprint), new("state_machine", stateMachine), new("previous_state", previousState), new("new_state", newState)],
        };

    /// <param name="ns">The chain's namespace.</param>
    /// <param name="tenant">The chain's tenant.</param>
    /// <param name="chainId">The chain.</param>
    /// <param name="stepName">The step that just finished.</param>
    /// <param name="nextStep">The step that runs next; null when the chain has ended.</param>
    /// <param name="status">The chain's status after the step (<c>running</c>, <c>completed</c>, <c>failed</c>, ...).</param>
    public static StreamEvent ChainAdvanced(string ns, string tenant, string chainId, string stepName, string? nextStep, string status) =>
        new(ChainAdvancedType, ns, tenant)
        {
            Fields = [new("chain_id", chainId), new("step_name", stepName), new("next_step", nextStep), new("status", status)],
        };

    public static StreamEvent ApprovalRequired(string ns, string tenant, string approvalId, string actionType, string actionId) =>
        new(ApprovalRequiredType, ns, tenant) { ActionType = actionType, ActionId = actionId, Fields = [new("approval_id", approvalId)] };
}
