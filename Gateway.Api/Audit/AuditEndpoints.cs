using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions.Audit;

namespace Acteon.Gateway.Api.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit").WithTags("Audit").RequirePermission(Permission.AuditRead);
        group.MapGet("", QueryAsync)
            .WithSummary("Query audit records (newest first) with filters and pagination")
            .Produces<AuditPageSchema>()
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest);
        group.MapGet("/{action_id}", GetAsync)
            .WithSummary("The most recent audit record of an action")
            .Produces<AuditRecord>()
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound);
        // Dead letters hold records of every tenant: the reader needs a grant for all of them.
        app.MapGroup("/admin/audit").RequirePermission(Permission.AuditDeadLettersRead).MapGet("/dead-letters", DeadLettersAsync).WithTags("Audit")
            .WithSummary("Audit records the store rejected for their content, newest first, with the reason")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<IResult> DeadLettersAsync(HttpContext http, IAuditStore store)
    {
        var limit = AuditQuery.DefaultLimit;
        if (http.Request.Query.TryGetValue("limit", out var raw)
            && (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > AuditQuery.MaxLimit))
        {
            return ApiError.BadRequest($"invalid query parameter 'limit': must be a whole number from 1 to {AuditQuery.MaxLimit}, not '{raw}'",
                [new FieldError("limit", $"must be a whole number from 1 to {AuditQuery.MaxLimit}")]).ToResult();
        }

        var page = await store.ReadDeadLettersAsync(limit, http.RequestAborted);
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("dead_letters");
            foreach (var letter in page.Letters)
            {
                JsonSerializer.Serialize(writer, letter, AuditJsonContext.Default.AuditDeadLetter);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", page.Total);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> QueryAsync(HttpContext http, Caller caller, IAuditStore store)
    {
        var query = AuditQueryReader.Read(http.Request.Query, out var error);
        if (query is null)
        {
            return error!.ToResult();
        }

        if (query.Tenant is { } tenant && !caller.CoversTenant(tenant))
        {
            return new ApiError(StatusCodes.Status403Forbidden, $"forbidden: no grant covers tenant={tenant}").ToResult();
        }

        // Only records some grant of the caller covers, filtered by the store (so total and paging stay right).
        query = query with { Scopes = caller.AuditScopes() };

        var page = await store.QueryAsync(query, http.RequestAborted);
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("records");
            foreach (var record in page.Records)
            {
                JsonSerializer.Serialize(writer, record, AuditJsonContext.Default.AuditRecord);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", page.Total);
            writer.WriteNumber("limit", query.Limit);
            writer.WriteNumber("offset", query.Offset);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(string action_id, Caller caller, IAuditStore store, CancellationToken cancellationToken)
    {
        var record = await store.GetByActionIdAsync(action_id, cancellationToken);
        return record is null
            ? ApiError.NotFound($"no audit record for action '{action_id}'").ToResult()
            : !caller.CanAccess(record.Tenant, record.Namespace, record.Provider, record.ActionType)
            ? Caller.Forbidden(record.Tenant, record.Namespace, record.Provider, record.ActionType).ToResult()
            : DispatchEndpoints.Json(writer => JsonSerializer.Serialize(writer, record, AuditJsonContext.Default.AuditRecord));
    }
}
