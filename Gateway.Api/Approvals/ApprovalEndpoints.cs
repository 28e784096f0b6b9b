using Acteon.Gateway.Api.Auth;
using System.Globalization;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Approvals;
using Acteon.Grains.Approvals;

namespace Acteon.Gateway.Api.Approvals;

/// <summary>
/// The decision links (public: the HMAC in the link is the credential), the scoped list of approvals, and the
/// authenticated decision (<see cref="ApprovalDecisionRoute"/>); both decisions end in <see cref="DecideAsync(IGrainFactory, string, string, string, bool, string)"/>.
/// A link is checked before the approval is looked up, so a bad link tells nothing about which approvals exist.
/// </summary>
public static class ApprovalEndpoints
{
    private static readonly string[] Statuses = [ApprovalStatus.Pending, ApprovalStatus.Approved, ApprovalStatus.Rejected, ApprovalStatus.Expired];

    public static RouteGroupBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/approvals").WithTags("Approvals");
        // The decision links are public: their signature is the credential.
        var links = group.MapGroup("").AllowPublic();
        group.MapGroup("").RequirePermission(Permission.ApprovalsRead).MapGet("", ListAsync)
            .WithSummary("The approvals of a namespace and tenant, every status, newest first")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest);
        links.MapPost("/{namespace}/{tenant}/{id}/approve", (HttpContext http, string @namespace, string tenant, string id, ApprovalSigner signer, IGrainFactory grains)
                => DecideAsync(http, @namespace, tenant, id, ApprovalDecisionNames.Approve, signer, grains))
            .WithSummary("Approve (signed link): the rules are evaluated again, then the action runs exactly once")
            .Produces<ErrorSchema>(StatusCodes.Status403Forbidden)
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound)
            .Produces<ErrorSchema>(StatusCodes.Status409Conflict);
        links.MapPost("/{namespace}/{tenant}/{id}/reject", (HttpContext http, string @namespace, string tenant, string id, ApprovalSigner signer, IGrainFactory grains)
                => DecideAsync(http, @namespace, tenant, id, ApprovalDecisionNames.Reject, signer, grains))
            .WithSummary("Reject (signed link): nothing runs")
            .Produces<ErrorSchema>(StatusCodes.Status403Forbidden)
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound)
            .Produces<ErrorSchema>(StatusCodes.Status409Conflict);
        group.MapGroup("").RequirePermission(Permission.ApprovalsDecide).MapApprovalDecision();
        return group;
    }

    private static async Task<IResult> DecideAsync(HttpContext http, string ns, string tenant, string id, string decision, ApprovalSigner signer, IGrainFactory grains)
    {
        var query = http.Request.Query;
        var sig = query["sig"].ToString();
        var expiresText = query["expires_at"].ToString();
        if (sig.Length == 0 || expiresText.Length == 0)
        {
            var missing = sig.Length == 0 ? "sig" : "expires_at";
            return ApiError.BadRequest($"invalid query parameter '{missing}': is required (use the link as it was sent)", [new FieldError(missing, "is required")]).ToResult();
        }

        if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return ApiError.BadRequest("invalid query parameter 'expires_at': must be unix seconds", [new FieldError("expires_at", "must be unix seconds")]).ToResult();
        }

        var kid = query["kid"].ToString() is { Length: > 0 } k ? k : null;
        if (!signer.Verify(ns, tenant, id, expiresAt, decision, sig, kid))
        {
            return new ApiError(StatusCodes.Status403Forbidden, "this approval link is not valid: its signature does not match (a changed link, a link of the other decision, or an unknown key)").ToResult();
        }

        var now = http.RequestServices.GetRequiredKeyedService<TimeProvider>(GatewayClock.Key).GetUtcNow();
        if (now.ToUnixTimeSeconds() > expiresAt)
        {
            return new ApiError(StatusCodes.Status403Forbidden, "this approval link has expired").ToResult();
        }

        return await DecideAsync(grains, ns, tenant, id, decision == ApprovalDecisionNames.Approve, ApprovalDecisionNames.SignedLinkCaller);
    }

    /// <summary>The one decision path: the approval grain's compare-and-swap decision, answered as the contract says.</summary>
    internal static async Task<IResult> DecideAsync(IGrainFactory grains, string ns, string tenant, string id, bool approve, string decidedBy)
    {
        var result = await grains.Reference<IApprovalGrain>(ApprovalRequester.GrainKey(ns, tenant, id)).DecideAsync(approve, decidedBy);
        return result.Kind switch
        {
            ApprovalDecisionKind.NotFound => ApiError.NotFound($"approval '{id}' not found").ToResult(),
            ApprovalDecisionKind.AlreadyDecided => new ApiError(StatusCodes.Status409Conflict, $"approval '{id}' is already {result.Status}").ToResult(),
            _ => DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("status", result.Status);
                if (result.OutcomeJson is { } outcome)
                {
                    writer.WritePropertyName("outcome");
                    writer.WriteRawValue(outcome, skipInputValidation: true);
                }

                writer.WriteEndObject();
            }),
        };
    }

    private static async Task<IResult> ListAsync(HttpContext http, Caller caller, IGrainFactory grains)
    {
        if (ScopeQuery.Read(http.Request.Query, caller, out var error, Statuses) is not { } scope)
        {
            return error!.ToResult();
        }

        var page = await grains.Reference<IApprovalIndexGrain>(ApprovalRequester.GrainKey(scope.Namespace, scope.Tenant, "")).ListAsync(scope.Status, scope.Offset, scope.Limit);
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("approvals");
            foreach (var approval in page.Approvals)
            {
                Write(writer, approval);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", page.Total);
            writer.WriteNumber("limit", scope.Limit);
            writer.WriteNumber("offset", scope.Offset);
            writer.WriteEndObject();
        });
    }

    private static void Write(Utf8JsonWriter writer, ApprovalSummary approval)
    {
        writer.WriteStartObject();
        writer.WriteString("id", approval.Id);
        writer.WriteString("namespace", approval.Namespace);
        writer.WriteString("tenant", approval.Tenant);
        writer.WriteString("action_type", approval.ActionType);
        writer.WriteString("provider", approval.Provider);
        writer.WriteString("rule", approval.Rule);
        writer.WriteString("status", approval.Status);
        writer.WriteString("created_at", JsonTime.Format(approval.CreatedAt));
        writer.WriteString("expires_at", JsonTime.Format(approval.ExpiresAt));
        writer.WriteString("message", approval.Message);
        if (approval.DecidedAt is { } decided)
        {
            writer.WriteString("decided_at", JsonTime.Format(decided));
        }
        else
        {
            writer.WriteNull("decided_at");
        }

        writer.WriteString("decided_by", approval.DecidedBy);

        writer.WriteEndObject();
    }
}
