using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.StateMachines;
using Acteon.Grains.Dispatch;
using Acteon.Grains.StateMachines;
using Microsoft.Extensions.Options;

namespace Acteon.Gateway.Api.Events;

/// <summary>
/// <c>/v1/events</c>: a scope's fingerprints (from its index grain), one with its history and the states its machine
/// allows next (<c>allowed_transitions</c>), and an operator's transition, validated by the state machine (409 with the
/// allowed targets in <c>details</c>, one entry each).
/// </summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/events").WithTags("Events");
        var read = group.MapGroup("").RequirePermission(Permission.EventsRead);
        var manage = group.MapGroup("").RequirePermission(Permission.EventsManage);
        read.MapGet("", ListAsync).WithSummary("The fingerprints of a namespace and tenant, optionally in one state (status), paged")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest);
        read.MapGet("/{fingerprint}", GetAsync).WithSummary("One fingerprint's state and history")
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound);
        manage.MapPut("/{fingerprint}/transition", TransitionAsync).WithSummary("Move a fingerprint to another state, as its state machine allows")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound)
            .Produces<ErrorSchema>(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, Caller caller, IGrainFactory grains)
    {
        if (ScopeQuery.Read(http.Request.Query, caller, out var error, extra: ["status"]) is not { } scope)
        {
            return error!.ToResult();
        }

        var page = await grains.Reference<IEventIndexGrain>(VerdictHandler.ScopedKey(scope.Namespace, scope.Tenant, ""))
            .ListAsync(ScopeQuery.Text(http.Request.Query, "status"), scope.Offset, scope.Limit);
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var summary in page.Events)
            {
                writer.WriteStartObject();
                WriteSummary(writer, summary);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", page.Total);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(string fingerprint, HttpContext http, Caller caller, IGrainFactory grains, IOptions<StateMachineOptions> machines)
    {
        if (ScopeQuery.Read(http.Request.Query, caller, out var error) is not { } scope)
        {
            return error!.ToResult();
        }

        var snapshot = await grains.Reference<IFingerprintGrain>(VerdictHandler.ScopedKey(scope.Namespace, scope.Tenant, fingerprint)).GetAsync();
        return snapshot is null
            ? ApiError.NotFound($"event not found: {fingerprint}").ToResult()
            : DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                WriteSummary(writer, snapshot.Summary);
                writer.WriteStartArray("history");
                foreach (var step in snapshot.History)
                {
                    writer.WriteStartObject();
                    writer.WriteString("from", step.From);
                    writer.WriteString("to", step.To);
                    writer.WriteString("at", JsonTime.Format(step.At));
                    writer.WriteString("by", step.By);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("allowed_transitions");
                if (machines.Value.Machines.TryGetValue(snapshot.Summary.StateMachine, out var machine))
                {
                    foreach (var target in machine.AllowedFrom(snapshot.Summary.State))
                    {
                        writer.WriteStringValue(target);
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
    }

    private static async Task<IResult> TransitionAsync(string fingerprint, HttpContext http, Caller caller, JsonRequestReader body, IGrainFactory grains)
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
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ApiError.BadRequest("the body must be a JSON object {\"to_state\", \"namespace\", \"tenant\"}").ToResult();
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("to_state" or "namespace" or "tenant"))
                {
                    errors.Add(new FieldError($"$.{property.Name}", "is not a field of a transition; use to_state, namespace, tenant"));
                }
            }

            var toState = Required(root, "to_state", errors);
            var ns = Required(root, "namespace", errors);
            var tenant = Required(root, "tenant", errors);
            if (errors.Count > 0)
            {
                return ApiError.BadRequest($"invalid transition: {errors[0].Path} {errors[0].Message}", errors).ToResult();
            }

            if (!caller.CanManageScope(tenant!, ns!))
            {
                return Caller.Forbidden(tenant!, ns!).ToResult();
            }

            var result = await grains.Reference<IFingerprintGrain>(VerdictHandler.ScopedKey(ns!, tenant!, fingerprint)).TransitionAsync(toState!, "api");
            if (result is null)
            {
                return ApiError.NotFound($"event not found: {fingerprint}").ToResult();
            }

            if (result.Rejected is not null)
            {
                var allowed = result.AllowedTargets.Count == 0 ? "none" : string.Join(", ", result.AllowedTargets);
                return new ApiError(StatusCodes.Status409Conflict,
                    $"the state machine does not allow '{result.PreviousState}' → '{result.Rejected}'; allowed targets: {allowed}",
                    [.. result.AllowedTargets.Select(t => new FieldError("$.to_state", t))]).ToResult();
            }

            return DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("fingerprint", result.Fingerprint);
                writer.WriteString("previous_state", result.PreviousState);
                writer.WriteString("new_state", result.NewState);
                writer.WriteBoolean("notify", result.Notify);
                writer.WriteEndObject();
            });
        }
    }

    private static string? Required(JsonElement root, string name, List<FieldError> errors)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        errors.Add(new FieldError($"$.{name}", root.TryGetProperty(name, out _) ? "must be a non-empty string" : "is required"));
        return null;
    }

    private static void WriteSummary(Utf8JsonWriter writer, EventSummary summary)
    {
        writer.WriteString("fingerprint", summary.Fingerprint);
        writer.WriteString("state", summary.State);
        writer.WriteString("state_machine", summary.StateMachine);
        writer.WriteString("action_type", summary.ActionType);
        writer.WriteString("updated_at", JsonTime.Format(summary.UpdatedAt));
    }
}
