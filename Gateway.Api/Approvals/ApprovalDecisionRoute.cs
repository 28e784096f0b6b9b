using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Approvals;
using System.Text.Json;
using Acteon.Gateway.Api.Auth;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Approvals;

namespace Acteon.Gateway.Api.Approvals;

/// <summary>
/// <c>POST /v1/approvals/{namespace}/{tenant}/{id}/decision</c> <c>{"decision": "approve"|"reject"}</c>: the decision of
/// an authenticated caller (the dashboard) whose grants cover the approval's tenant and namespace. It takes the same
/// path as a signed link (exactly once, 409 when decided), recorded as decided by the caller's id.
/// </summary>
public static class ApprovalDecisionRoute
{
    public static RouteHandlerBuilder MapApprovalDecision(this IEndpointRouteBuilder group) =>
        group.MapPost("/{namespace}/{tenant}/{id}/decision", DecideAsync)
            .WithSummary("Approve or reject as the authenticated caller (grants must cover the tenant and namespace); same decision as the signed links")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
            .Produces<ErrorSchema>(StatusCodes.Status403Forbidden)
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound)
            .Produces<ErrorSchema>(StatusCodes.Status409Conflict);

    private static async Task<IResult> DecideAsync(
        HttpContext http, string @namespace, string tenant, string id, Caller caller, JsonRequestReader body, IGrainFactory grains)
    {
        var (document, error) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return error!.ToResult();
        }

        bool approve;
        using (document)
        {
            if (Decision(document.RootElement) is not { } decision)
            {
                return ApiError.BadRequest("invalid decision: $.decision must be \"approve\" or \"reject\"",
                    [new FieldError("$.decision", "must be \"approve\" or \"reject\"")]).ToResult();
            }

            approve = decision == ApprovalDecisionNames.Approve;
        }

        if (!caller.CanManageScope(tenant, @namespace))
        {
            return Caller.Forbidden(tenant, @namespace).ToResult();
        }

        // Approving runs the held action: the caller's grants must cover its provider and action type too, as a dispatch's do.
        if (await grains.Reference<IApprovalGrain>(ApprovalRequester.GrainKey(@namespace, tenant, id)).GetAsync() is not { } approval)
        {
            return ApiError.NotFound($"approval '{id}' not found").ToResult();
        }

        if (!caller.CanAccess(tenant, @namespace, approval.Provider, approval.ActionType))
        {
            return Caller.Forbidden(tenant, @namespace, approval.Provider, approval.ActionType).ToResult();
        }

        return await ApprovalEndpoints.DecideAsync(grains, @namespace, tenant, id, approve, caller.Id);
    }

    /// <summary>The decision word of a body that is exactly <c>{"decision": "approve"|"reject"}</c>, else null.</summary>
    private static string? Decision(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(p => p.Name != "decision")
            || !root.TryGetProperty("decision", out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return value.GetString() is ApprovalDecisionNames.Approve or ApprovalDecisionNames.Reject ? value.GetString() : null;
    }
}
