using System.Text.Json;
using Acteon.Grains.Abstractions.Outcomes;

namespace Acteon.Gateway.Api.Dispatch;

/// <summary>Writes a dispatch outcome in the contract's shape: <c>{"outcome": name, ...members}</c>.</summary>
public static class OutcomeJson
{
    public static void Write(Utf8JsonWriter writer, DispatchOutcome outcome)
    {
        writer.WriteStartObject();
        writer.WriteString("outcome", outcome.Name);
        switch (outcome)
        {
            case ExecutedOutcome executed:
                writer.WriteString("action_id", executed.ActionId);
                writer.WriteStartObject("response");
                writer.WriteString("status", executed.Response.Status);
                writer.WritePropertyName("body");
                executed.Response.Body.WriteTo(writer);
                writer.WriteEndObject();
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
}
