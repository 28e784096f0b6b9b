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
        group.MapPost("", CreateAsync).WithSummary("Create a recurring action (cron in an IANA time zone)")
            .Accepts<RecurringRequestSchema>("application/json").Produces<RecurringCreatedSchema>(StatusCodes.Status201Created).Errors();
        group.MapGet("", ListAsync).WithSummary("List the recurring actions of a namespace and tenant").Produces<RecurringListSchema>().Errors();
        group.MapGet("/{id}", GetAsync).WithSummary("Get a recurring action").Produces<RecurringDetailSchema>().Errors();
        group.MapPut("/{id}", UpdateAsync).WithSummary("Update a recurring action (partial); the next occurrence is recomputed from now")
            .Accepts<RecurringRequestSchema>("application/json").Produces<RecurringDetailSchema>().Errors();
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a recurring action").Produces(StatusCodes.Status204NoContent).Errors();
        group.MapPost("/{id}/pause", (string id, HttpRequest request, IGrainFactory grains) =>
            ChangeAsync(id, request, grains, g => g.PauseAsync())).WithSummary("Pause a recurring action (no occurrence runs while paused)")
            .Produces<RecurringDetailSchema>().Errors();
        group.MapPost("/{id}/resume", (string id, HttpRequest request, IGrainFactory grains) =>
            ChangeAsync(id, request, grains, g => g.ResumeAsync())).WithSummary("Resume a paused recurring action (next occurrence from now)")
            .Produces<RecurringDetailSchema>().Errors();
        return group;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, JsonRequestReader body, RecurringRequestReader reader, IGrainFactory grains)
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

            var reply = await Grain(grains, definition.Namespace, definition.Tenant, definition.Id).CreateAsync(definition);
            return reply.Detail is { } detail
                ? RecurringJson.Result(StatusCodes.Status201Created, w => RecurringJson.WriteCreated(w, detail))
                : ToError(reply, definition.Id);
        }
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IGrainFactory grains)
    {
        if (!Scope(request, out var ns, out var tenant, out var error))
        {
            return error!.ToResult();
        }

        if (!QueryFlags.TryRead(request, "enabled", out var enabled, out error))
        {
            return error!.ToResult();
        }

        var filter = request.Query.ContainsKey("enabled") ? enabled : (bool?)null;
        var details = await grains.GetGrain<IRecurringDirectoryGrain>(IRecurringDirectoryGrain.LocalKey).ListAsync(ns, tenant, filter);
        return RecurringJson.Result(StatusCodes.Status200OK, w => RecurringJson.WriteList(w, details));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, IGrainFactory grains)
    {
        if (!Scope(request, out var ns, out var tenant, out var error))
        {
            return error!.ToResult();
        }

        return await Grain(grains, ns, tenant, id).GetAsync() is { } detail
            ? RecurringJson.Result(StatusCodes.Status200OK, w => RecurringJson.WriteDetail(w, detail))
            : NotFound(id);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, JsonRequestReader body, RecurringRequestReader reader, IGrainFactory grains)
    {
        if (!Scope(http.Request, out var ns, out var tenant, out var error))
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

            return Reply(await Grain(grains, ns, tenant, id).UpdateAsync(patch), id);
        }
    }

    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, IGrainFactory grains)
    {
        if (!Scope(request, out var ns, out var tenant, out var error))
        {
            return error!.ToResult();
        }

        return await Grain(grains, ns, tenant, id).DeleteAsync() ? Results.NoContent() : NotFound(id);
    }

    private static async Task<IResult> ChangeAsync(string id, HttpRequest request, IGrainFactory grains, Func<IRecurringActionGrain, Task<RecurringReply>> change)
    {
        if (!Scope(request, out var ns, out var tenant, out var error))
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
        grains.GetGrain<IRecurringActionGrain>(RecurringKey.Of(ns, tenant, id));

    private static IResult Reply(RecurringReply reply, string id) => reply.Detail is { } detail
        ? RecurringJson.Result(StatusCodes.Status200OK, w => RecurringJson.WriteDetail(w, detail))
        : ToError(reply, id);

    private static IResult ToError(RecurringReply reply, string id) => reply.Status == RecurringReplyStatus.Conflict
        ? new ApiError(StatusCodes.Status409Conflict, reply.Message!).ToResult()
        : NotFound(id);

    private static IResult NotFound(string id) => ApiError.NotFound($"recurring action not found: {id}").ToResult();

    private static IResult Invalid(List<FieldError> errors) =>
        ApiError.BadRequest($"invalid recurring action: {errors[0].Path} {errors[0].Message}", errors).ToResult();

    /// <summary>The required <c>namespace</c> and <c>tenant</c> query parameters.</summary>
    private static bool Scope(HttpRequest request, out string ns, out string tenant, out ApiError? error)
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

        error = missing.Count == 0 ? null : ApiError.BadRequest($"query parameter '{missing[0].Path}' is required", missing);
        return error is null;
    }
}
