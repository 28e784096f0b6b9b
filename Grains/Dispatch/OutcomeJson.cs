using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Dispatch;

/// <summary>
/// Writes a dispatch outcome in the contract's shape, <c>{"outcome": name, ...members}</c>: the API answer, and (without
/// provider response bodies and approval links) the audit record's <c>outcome_details</c>.
/// </summary>
public static class OutcomeJson
{
    public static void Write(Utf8JsonWriter writer, DispatchOutcome outcome, bool includeResponseBody = true)
    {
        writer.WriteStartObject();
        writer.WriteString("outcome", outcome.Name);
        switch (outcome)
        {
            case ExecutedOutcome executed:
                writer.WriteString("action_id", executed.ActionId);
                WriteResponse(writer, executed.Response, includeResponseBody);
                break;
            case DeduplicatedOutcome deduplicated:
                writer.WriteString("action_id", deduplicated.ActionId);
                writer.WriteString("dedup_key", deduplicated.DedupKey);
                break;
            case FailedOutcome failed:
                writer.WriteString("action_id", failed.ActionId);
                writer.WriteStartObject("error");
                writer.WriteString("code", failed.Error.Code);
                writer.WriteString("message", failed.Error.Message);
                writer.WriteBoolean("retryable", failed.Error.Retryable);
                writer.WriteNumber("attempts", failed.Attempts);
                writer.WriteEndObject();
                break;
            case SuppressedOutcome suppressed:
                writer.WriteString("rule", suppressed.Rule);
                break;
            case ThrottledOutcome throttled:
                writer.WriteString("rule", throttled.Rule);
                writer.WriteNumber("retry_after_seconds", throttled.RetryAfterSeconds);
                break;
            case ReroutedOutcome rerouted:
                writer.WriteString("action_id", rerouted.ActionId);
                writer.WriteString("original_provider", rerouted.OriginalProvider);
                writer.WriteString("new_provider", rerouted.NewProvider);
                WriteResponse(writer, rerouted.Response, includeResponseBody);
                break;
            case ScheduledOutcome scheduled:
                writer.WriteString("action_id", scheduled.ActionId);
                writer.WriteString("scheduled_for", JsonTime.Format(scheduled.ScheduledFor));
                break;
            case GroupedOutcome grouped:
                writer.WriteString("group_id", grouped.GroupId);
                writer.WriteString("group_key", grouped.GroupKey);
                writer.WriteNumber("group_size", grouped.GroupSize);
                writer.WriteString("notify_at", JsonTime.Format(grouped.NotifyAt));
                break;
            case StateChangedOutcome changed:
                writer.WriteString("fingerprint", changed.Fingerprint);
                writer.WriteString("previous_state", changed.PreviousState);
                writer.WriteString("new_state", changed.NewState);
                writer.WriteBoolean("notify", changed.Notify);
                if (changed.RejectedTransition is { } rejected)
                {
                    writer.WriteString("rejected_transition", rejected);
                }

                break;
            case CircuitOpenOutcome circuitOpen:
                writer.WriteString("provider", circuitOpen.Provider);
                writer.WriteString("fallback_provider", circuitOpen.FallbackProvider);
                break;
            case PendingApprovalOutcome pending:
                // The links are credentials: only the caller sees them, the audit does not.
                writer.WriteString("approval_id", pending.ApprovalId);
                writer.WriteString("expires_at", JsonTime.Format(pending.ExpiresAt));
                writer.WriteString("approve_url", includeResponseBody ? pending.ApproveUrl : "[redacted]");
                writer.WriteString("reject_url", includeResponseBody ? pending.RejectUrl : "[redacted]");
                break;
            case ChainStartedOutcome chain:
                writer.WriteString("chain_id", chain.ChainId);
                writer.WriteString("chain_name", chain.ChainName);
                writer.WriteNumber("total_steps", chain.TotalSteps);
                writer.WriteString("first_step", chain.FirstStep);
                break;
            case DryRunOutcome dryRun:
                writer.WriteString("verdict", dryRun.Verdict);
                writer.WriteString("matched_rule", dryRun.MatchedRule);
                writer.WriteString("would_be_provider", dryRun.WouldBeProvider);
                break;
            default:
                throw new InvalidOperationException($"No JSON shape for outcome {outcome.GetType().Name}.");
        }

        writer.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter writer, ProviderResponse response, bool includeBody)
    {
        writer.WriteStartObject("response");
        writer.WriteString("status", response.Status);
        if (includeBody)
        {
            writer.WritePropertyName("body");
            response.Body.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
