using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Dispatch;

namespace Acteon.Grains.Audit;

internal static class AuditRecordFactory
{
    public static AuditRecord Create(
        GatewayAction action, DispatchOutcome outcome, string verdict, string? matchedRule, DispatchContext context,
        DateTimeOffset dispatchedAt, DateTimeOffset completedAt, AuditOptions options) => new()
        {
            Id = Guid.CreateVersion7(dispatchedAt).ToString(),
            ActionId = action.Id,
            ChainId = outcome is ChainStartedOutcome chain ? chain.ChainId : null,
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
            OutcomeJson.Write(writer, outcome, includeResponseBody: false);
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
