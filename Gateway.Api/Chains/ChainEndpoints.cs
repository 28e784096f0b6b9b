using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Chains;
using Acteon.Grains.Chains;

namespace Acteon.Gateway.Api.Chains;

/// <summary><c>/v1/chains</c>: the chains of a namespace and tenant, one chain's steps, and cancelling a running chain.</summary>
public static class ChainEndpoints
{
    private static readonly string[] Statuses = [ChainStatus.Running, ChainStatus.Completed, ChainStatus.Failed, ChainStatus.Cancelled, ChainStatus.TimedOut];

    public static RouteGroupBuilder MapChainEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/chains").WithTags("Chains");
        var read = group.MapGroup("").RequirePermission(Permission.ChainsRead);
        var manage = group.MapGroup("").RequirePermission(Permission.ChainsManage);
        read.MapGet("", ListAsync)
            .WithSummary("The chains of a namespace and tenant (filter status), newest first")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest);
        read.MapGet("/{chain_id}", GetAsync)
            .WithSummary("One chain with its steps (namespace and tenant in the query)")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound);
        manage.MapPost("/{chain_id}/cancel", CancelAsync)
            .WithSummary("Cancel a running chain; body {namespace, tenant, reason?}")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound)
            .Produces<ErrorSchema>(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, Caller caller, IGrainFactory grains)
    {
        if (ScopeQuery.Read(http.Request.Query, caller, out var error, Statuses) is not { } scope)
        {
            return error!.ToResult();
        }

        var page = await grains.Reference<IChainIndexGrain>(ChainStarter.GrainKey(scope.Namespace, scope.Tenant, "")).ListAsync(scope.Status, scope.Offset, scope.Limit);
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("chains");
            foreach (var chain in page.Chains)
            {
                writer.WriteStartObject();
                WriteSummary(writer, chain);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", page.Total);
            writer.WriteNumber("limit", scope.Limit);
            writer.WriteNumber("offset", scope.Offset);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(string chain_id, HttpContext http, Caller caller, IGrainFactory grains)
    {
        if (ScopeQuery.Read(http.Request.Query, caller, out var error, paged: false) is not { } scope)
        {
            return error!.ToResult();
        }

        var detail = await grains.Reference<IChainGrain>(ChainStarter.GrainKey(scope.Namespace, scope.Tenant, chain_id)).GetAsync();
        return detail is null ? NotFound(chain_id) : Detail(detail);
    }

    private static async Task<IResult> CancelAsync(string chain_id, HttpContext http, Caller caller, JsonRequestReader body, IGrainFactory grains)
    {
        var (document, error) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return error!.ToResult();
        }

        string ns, tenant;
        string? reason;
        using (document)
        {
            var root = document.RootElement;
            var errors = new List<FieldError>();
            ns = Text(root, "namespace", required: true, errors) ?? "";
            tenant = Text(root, "tenant", required: true, errors) ?? "";
            reason = Text(root, "reason", required: false, errors);
            if (errors.Count > 0)
            {
                return ApiError.BadRequest($"invalid cancel request: {errors[0].Path} {errors[0].Message}", errors).ToResult();
            }
        }

        if (!caller.CanManageScope(tenant, ns))
        {
            return Caller.Forbidden(tenant, ns).ToResult();
        }

        var result = await grains.Reference<IChainGrain>(ChainStarter.GrainKey(ns, tenant, chain_id)).CancelAsync(reason);
        return result switch
        {
            { Detail: null } => NotFound(chain_id),
            { Cancelled: false, Detail: var d } => new ApiError(StatusCodes.Status409Conflict, $"chain '{chain_id}' is not running (it is {d.Summary.Status})").ToResult(),
            { Detail: var d } => Detail(d),
        };
    }

    private static string? Text(JsonElement root, string name, bool required, List<FieldError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$", "must be a JSON object {namespace, tenant, reason?}"));
            return null;
        }

        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError($"$.{name}", "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            errors.Add(new FieldError($"$.{name}", "must be a non-empty string"));
            return null;
        }

        return text;
    }

    private static IResult NotFound(string chainId) => ApiError.NotFound($"chain '{chainId}' not found").ToResult();

    private static IResult Detail(ChainDetail detail) => DispatchEndpoints.Json(writer =>
    {
        writer.WriteStartObject();
        WriteSummary(writer, detail.Summary);
        writer.WriteString("namespace", detail.Namespace);
        writer.WriteString("tenant", detail.Tenant);
        writer.WriteString("origin_action_id", detail.OriginActionId);
        WriteTime(writer, "expires_at", detail.ExpiresAt);
        writer.WriteString("cancel_reason", detail.CancelReason);
        writer.WriteStartArray("execution_path");
        foreach (var name in detail.ExecutionPath)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("steps");
        foreach (var step in detail.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("name", step.Name);
            writer.WriteString("provider", step.Provider);
            writer.WriteString("status", step.Status);
            writer.WritePropertyName("response_body");
            if (step.ResponseBody is { } body)
            {
                body.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteString("error", step.Error);
            WriteTime(writer, "completed_at", step.CompletedAt);
            writer.WriteNumber("attempt", step.Attempt);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteSummary(Utf8JsonWriter writer, ChainSummary chain)
    {
        writer.WriteString("chain_id", chain.ChainId);
        writer.WriteString("chain_name", chain.ChainName);
        writer.WriteString("status", chain.Status);
        writer.WriteNumber("current_step", chain.CurrentStep);
        writer.WriteNumber("total_steps", chain.TotalSteps);
        writer.WriteString("started_at", JsonTime.Format(chain.StartedAt));
        writer.WriteString("updated_at", JsonTime.Format(chain.UpdatedAt));
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, JsonTime.Format(time));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
