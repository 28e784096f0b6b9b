using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Outcomes;

namespace Acteon.Grains.Audit;

internal static class AuditRecordFactory
{
    public static AuditRecord Create(
        GatewayAction action, DispatchOutcome outcome, string verdict, string? matchedRule, DispatchContext context,
        DateTimeOffset dispatchedAt, DateTimeOffset completedAt, AuditOptions options) => new()
        {
            Id = Guid.CreateVersion7(dispatchedAt).ToString(),
            ActionId = action.Id,
            Namespace = action.Namespace,
            Tenant = action.Tenant,
            Provider = action.Provider,
            ActionType = action.ActionType,
            Verdict = verdict,
            MatchedRule = matchedRule,
            Outcome = outcome.Name,
            ActionPayload = options.StorePayload ? action.Payload : null,
            OutcomeDetails = Details(outcome),
            Metadata = Metadata(action),
            DispatchedAt = dispatchedAt,
            CompletedAt = completedAt,
            DurationMs = (long)(completedAt - dispatchedAt).TotalMilliseconds,
            ExpiresAt = dispatchedAt + options.Ttl,
            CallerId = context.CallerId,
            AuthMethod = context.AuthMethod,
        };

    private static JsonElement Details(DispatchOutcome outcome)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (outcome)
            {
                case ExecutedOutcome executed:
                    writer.WriteString("status", executed.Response.Status);
                    break;
                case FailedOutcome failed:
                    writer.WriteString("code", failed.Error.Code);
                    writer.WriteString("message", failed.Error.Message);
                    writer.WriteBoolean("retryable", failed.Error.Retryable);
                    writer.WriteNumber("attempts", failed.Attempts);
                    break;
                case DeduplicatedOutcome deduplicated:
                    writer.WriteString("dedup_key", deduplicated.DedupKey);
                    break;
                case SuppressedOutcome suppressed:
                    writer.WriteString("rule", suppressed.Rule);
                    break;
                case ThrottledOutcome throttled:
                    writer.WriteString("rule", throttled.Rule);
                    writer.WriteNumber("retry_after_seconds", throttled.RetryAfterSeconds);
                    break;
                case ReroutedOutcome rerouted:
                    writer.WriteString("original_provider", rerouted.OriginalProvider);
                    writer.WriteString("new_provider", rerouted.NewProvider);
                    writer.WriteString("status", rerouted.Response.Status);
                    break;
                case ScheduledOutcome scheduled:
                    writer.WriteString("action_id", scheduled.ActionId);
                    writer.WriteString("scheduled_for", JsonTime.Format(scheduled.ScheduledFor));
                    break;
            }

            writer.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    private static Dictionary<string, string> Metadata(GatewayAction action)
    {
        var metadata = new Dictionary<string, string>(action.Labels, StringComparer.Ordinal);
        Add(metadata, "__dedup_key", action.DedupKey);
        Add(metadata, "__fingerprint", action.Fingerprint);
        Add(metadata, "__status", action.Status);
        Add(metadata, "__starts_at", action.StartsAt is { } s ? JsonTime.Format(s) : null);
        Add(metadata, "__ends_at", action.EndsAt is { } e ? JsonTime.Format(e) : null);
        return metadata;
    }

    private static void Add(Dictionary<string, string> metadata, string key, string? value)
    {
        if (value is not null)
        {
            metadata[key] = value;
        }
    }
}
