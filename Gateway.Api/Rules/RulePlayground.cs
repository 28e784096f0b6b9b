using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Actions;

namespace Acteon.Gateway.Api.Rules;

/// <summary>
/// <c>POST /v1/rules/evaluate</c>: the trace of every rule (matched, not matched, skipped and why) for an action,
/// without dispatching it or changing any state. Body: an action plus <c>include_disabled</c>, <c>evaluate_all</c>,
/// <c>evaluate_at</c> (RFC 3339; default now).
/// </summary>
public static class RulePlayground
{
    public static async Task<IResult> EvaluateAsync(HttpContext http, Caller caller, JsonRequestReader body, ActionReader reader, RuleEngine engine, TimeProvider time)
    {
        var (document, error) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return error!.ToResult();
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<FieldError>();
            var action = reader.Read(root, "$", errors);
            var includeDisabled = Flag(root, "include_disabled", errors);
            var evaluateAll = Flag(root, "evaluate_all", errors);
            var at = time.GetUtcNow();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("evaluate_at", out var atElement) && atElement.ValueKind != JsonValueKind.Null
                && (atElement.ValueKind != JsonValueKind.String || !JsonTime.TryParse(atElement.GetString(), out at)))
            {
                errors.Add(new FieldError("$.evaluate_at", "must be an RFC 3339 date-time such as 2026-01-15T10:00:00Z"));
            }

            if (action is null || errors.Count > 0)
            {
                return ApiError.BadRequest($"invalid request: {errors[0].Path} {errors[0].Message}", errors).ToResult();
            }

            if (!caller.CanAccess(action.Tenant, action.Namespace, action.Provider, action.ActionType))
            {
                return Caller.Forbidden(action.Tenant, action.Namespace, action.Provider, action.ActionType).ToResult();
            }

            var rules = engine.Current;
            var (match, trace) = await rules.TraceAsync(new EvaluationContext(action, at, engine.Environment, engine.Embeddings), includeDisabled, evaluateAll);
            return DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("verdict", match.Action.Verdict);
                writer.WriteString("matched_rule", match.RuleName);
                writer.WriteString("would_be_provider", match.Action is RerouteAction r ? r.TargetProvider : action.Provider);
                writer.WriteString("evaluated_at", JsonTime.Format(at));
                writer.WriteNumber("total_rules_evaluated", trace.Count(t => t.Result != "skipped"));
                writer.WriteNumber("total_rules_skipped", trace.Count(t => t.Result == "skipped"));
                if (match.Action is ModifyAction modify)
                {
                    writer.WritePropertyName("modified_payload");
                    JsonMergePatch.Apply(action.Payload, modify.Changes).WriteTo(writer);
                }

                writer.WriteStartArray("trace");
                foreach (var entry in trace)
                {
                    writer.WriteStartObject();
                    writer.WriteString("rule_name", entry.Rule.Name);
                    writer.WriteNumber("priority", entry.Rule.Priority);
                    writer.WriteBoolean("enabled", entry.Enabled);
                    writer.WriteString("result", entry.Result);
                    writer.WriteString("reason", entry.Reason);
                    writer.WriteString("condition", entry.Rule.Condition.Display);
                    writer.WriteString("action", entry.Rule.Action.Verdict);
                    writer.WriteString("source", $"{entry.Rule.File}:{entry.Rule.Line}");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }
    }

    private static bool Flag(JsonElement root, string name, List<FieldError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(new FieldError($"$.{name}", "must be true or false"));
        return false;
    }
}
