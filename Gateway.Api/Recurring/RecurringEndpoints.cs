using Acteon.Grains.Abstractions;
using Acteon.Gateway.Api.Auth;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions.Recurring;

namespace Acteon.Gateway.Api.Recurring;

/// <summary>
/// <c>/v1/recurring</c>: create, list (by namespace and tenant, <c>enabled</c> filter), get, partial update, delete,
/// pause, resume. Each recurring action is its own grain; scope (namespace, tenant) comes from the query except on create.
/// </summary>
public static class RecurringEndpoints
{
    public static RouteGroupBuilder MapRecurringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recurring").WithTags("Recurring");
        var read = group.MapGroup("").RequirePermission(Permission.RecurringRead);
        var manage = group.MapGroup("").RequirePermission(Permission.RecurringManage);
        manage.MapPost("", CreateAsync).WithSummary("Create a recurring action (cron in an IANA time zone)")
            .Accepts<RecurringRequestSchema>("application/json").Produces<RecurringCreatedSchema>(StatusCodes.Status201Created).Errors();
        read.MapGet("", ListAsync).WithSummary("List the recurring actions of a namespace and tenant").Produces<RecurringListSchema>().Errors();
        read.MapGet("/{id}", GetAsync).WithSummary("Get a recurring action").Produces<RecurringDetailSchema>().Errors();
        manage.MapPut("/{id}", UpdateAsync).WithSummary("Update a recurring action (partial); the next occurrence is recomputed from now")
            .Accepts<RecurringRequestSchema>("application/json").Produces<RecurringDetailSchema>().Errors();
        manage.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a recurring action").Produces(StatusCodes.Status204NoContent).Errors();
        manage.MapPost("/{id}/pause", (string id, HttpRequest request, Caller caller, IGrainFactory grains) =>
            ChangeAsync(id, request, caller, grains, g => g.PauseAsync())).WithSummary("Pause a recurring action (no occurrence runs while paused)")
            .Produces<RecurringDetailSchema>().Errors();
        manage.MapPost("/{id}/resume", (string id, HttpRequest request, Caller caller, IGrainFactory grains) =>
            ChangeAsync(id, request, caller, grains, g => g.ResumeAsync())).WithSummary("Resume a paused recurring action (next occurrence from now)")
            .Produces<RecurringDetailSchema>().Errors();
        return group;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, Caller caller, JsonRequestReader body, RecurringRequestReader reader, IGrainFactory grains)
    {
        var (document, error) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return error!.ToResult();
        }

        using (document)
        {
            var errors = new List<FieldError>();
            if (reader.ReadCreate(document.RootElement, errors) is not { } definition)
            {
                return Invalid(errors);
            }

            // Each occurrence is dispatched with the creator's authority: its grants must cover the action.
            if (!caller.CanAccess(definition.Tenant, definition.Namespace, definition.Provider, definition.ActionType))
            {
                return Caller.Forbidden(definition.Tenant, definition.Namespace, definition.Provider, definition.ActionType).ToResult();
            }

            var reply = await Grain(grains, definition.Namespace, definition.Tenant, definition.Id).CreateAsync(definition);
            return reply.Detail is { } detail
                ? RecurringJson.Result(StatusCodes.Status201Created, w => RecurringJson.WriteCreated(w, detail))
                : ToError(reply, definition.Id);
        }
    }

    private static async Task<IResult> ListAsync(HttpRequest request, Caller caller, IGrainFactory grains)
    {
        if (!Scope(request, caller, out var ns, out var tenant, out var error))
        {
            return error!.ToResult();
        }

        if (!QueryFlags.TryRead(request, "enabled", out var enabled, out error))
        {
            return error!.ToResult();
        }

        var filter = request.Query.ContainsKey("enabled") ? enabled : (bool?)null;
        var details = await grains.Reference<IRecurringDirectoryGrain>(IRecurringDirectoryGrain.LocalKey).ListAsync(ns, tenant, filter);
        return RecurringJson.Result(StatusCodes.Status200OK, w => RecurringJson.WriteList(w, details));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        if (!Scope(request, caller, out var ns, out var tenant, out var error))
        {
            return error!.ToResult();
        }

        return await Grain(grains, ns, tenant, id).GetAsync() is { } detail
            ? RecurringJson.Result(StatusCodes.Status200OK, w => RecurringJson.WriteDetail(w, detail))
            : NotFound(id);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, Caller caller, JsonRequestReader body, RecurringRequestReader reader, IGrainFactory grains)
    {
        if (!Scope(http.Request, caller, out var ns, out var tenant, out var error))
        {
            return error!.ToResult();
        }

        var (document, bodyError) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return bodyError!.ToResult();
        }

        using (document)
        {
            var errors = new List<FieldError>();
            if (reader.ReadPatch(document.RootElement, ns, tenant, errors) is not { } patch)
            {
                return Invalid(errors);
            }

            var grain = Grain(grains, ns, tenant, id);
            if ((patch.Provider ?? patch.ActionType) is not null && await grain.GetAsync() is { Definition: var current })
            {
                var (provider, actionType) = (patch.Provider ?? current.Provider, patch.ActionType ?? current.ActionType);
                if (!caller.CanAccess(tenant, ns, provider, actionType))
                {
                    return Caller.Forbidden(tenant, ns, provider, actionType).ToResult();
                }
            }

            return Reply(await grain.UpdateAsync(patch), id);
        }
    }

    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        if (!Scope(request, caller, out var ns, out var tenant, out var error))
        {
            return error!.ToResult();
        }

        return await Grain(grains, ns, tenant, id).DeleteAsync() ? Results.NoContent() : NotFound(id);
    }

    private static async Task<IResult> ChangeAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains, Func<IRecurringActionGrain, Task<RecurringReply>> change)
    {
        if (!Scope(request, caller, out var ns, out var tenant, out var error))
        {
            return error!.ToResult();
        }

        return Reply(await change(Grain(grains, ns, tenant, id)), id);
    }

    private static RouteHandlerBuilder Errors(this RouteHandlerBuilder route) => route
        .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
        .Produces<ErrorSchema>(StatusCodes.Status404NotFound)
        .Produces<ErrorSchema>(StatusCodes.Status409Conflict);

    private static IRecurringActionGrain Grain(IGrainFactory grains, string ns, string tenant, string id) =>
        grains.Reference<IRecurringActionGrain>(RecurringKey.Of(ns, tenant, id));

    private static IResult Reply(RecurringReply reply, string id) => reply.Detail is { } detail
        ? RecurringJson.Result(StatusCodes.Status200OK, w => RecurringJson.WriteDetail(w, detail))
        : ToError(reply, id);

    private static IResult ToError(RecurringReply reply, string id) => reply.Status == RecurringReplyStatus.Conflict
        ? new ApiError(StatusCodes.Status409Conflict, reply.Message!).ToResult()
        : NotFound(id);

    private static IResult NotFound(string id) => ApiError.NotFound($"recurring action not found: {id}").ToResult();

    private static IResult Invalid(List<FieldError> errors) =>
        ApiError.BadRequest($"invalid recurring action: {errors[0].Path} {errors[0].Message}", errors).ToResult();

    /// <summary>The required <c>namespace</c> and <c>tenant</c> query parameters, which a grant of the caller must cover (else 403).</summary>
    private static bool Scope(HttpRequest request, Caller caller, out string ns, out string tenant, out ApiError? error)
    {
        ns = request.Query["namespace"].ToString();
        tenant = request.Query["tenant"].ToString();
        var missing = new List<FieldError>();
        if (ns.Length == 0)
        {
            missing.Add(new FieldError("namespace", "query parameter is required"));
        }

        if (tenant.Length == 0)
        {
            missing.Add(new FieldError("tenant", "query parameter is required"));
        }

        error = missing.Count > 0 ? ApiError.BadRequest($"query parameter '{missing[0].Path}' is required", missing)
            : !caller.CanManageScope(tenant, ns) ? Caller.Forbidden(tenant, ns)
            : null;
        return error is null;
    }
}
