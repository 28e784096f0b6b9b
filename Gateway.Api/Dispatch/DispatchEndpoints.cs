using Acteon.Gateway.Api.Auth;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Gateway.Api.Telemetry;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Dispatch;

namespace Acteon.Gateway.Api.Dispatch;

public static class DispatchEndpoints
{
    /// <summary>Readable JSON for an API: quotes and non-ASCII text are not \u-escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RouteGroupBuilder MapDispatchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/dispatch").WithTags("Dispatch").RequirePermission(Permission.Dispatch);
        group.MapPost("", DispatchOneAsync)
            .WithSummary("Dispatch one action through the gateway pipeline")
            .Accepts<ActionSchema>("application/json")
            .Produces<OutcomeSchema>()
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound)
            .Produces<ErrorSchema>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ErrorSchema>(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/batch", BatchDispatcher.DispatchAsync)
            .WithSummary("Dispatch up to 1000 actions; one bad action never fails the others")
            .Accepts<BatchSchema>("application/json")
            .Produces<BatchResultSchema>()
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
            .Produces<ErrorSchema>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ErrorSchema>(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    private static async Task<IResult> DispatchOneAsync(
        HttpContext http, Caller caller, JsonRequestReader body, ActionReader reader, IProviderRegistry providers, DispatchPipeline pipeline, DispatchDeadline deadline,
        RateLimits limits)
    {
        var (dryRun, document, error) = await DispatchRequest.ReadAsync(http, body);
        if (document is null)
        {
            return error!.ToResult();
        }

        using (document)
        {
            var errors = new List<FieldError>();
            var action = reader.Read(document.RootElement, "$", errors);
            if (action is null)
            {
                return ApiError.BadRequest($"invalid action: {errors[0].Path} {errors[0].Message}", errors).ToResult();
            }

            if (!caller.CanAccess(action.Tenant, action.Namespace, action.Provider, action.ActionType))
            {
                return Caller.Forbidden(action.Tenant, action.Namespace, action.Provider, action.ActionType).ToResult();
            }

            if (!providers.TryGet(action.Provider, out _))
            {
                return ApiError.NotFound($"provider not found: {action.Provider}").ToResult();
            }

            if (await limits.TenantAsync(action.Tenant) is var (message, retryAfter))
            {
                return RateLimitResponse.TooMany(message, retryAfter);
            }

            var context = new DispatchContext { DryRun = dryRun, ParentTrace = TraceParent.From(http), CallerId = caller.Id, AuthMethod = caller.Method };
            // Not RequestAborted: an accepted action is carried through even if the caller hangs up (or the deadline passes).
            var outcome = await deadline.WaitAsync(pipeline.DispatchAsync(action, context, CancellationToken.None));
            return Json(writer => OutcomeJson.Write(writer, outcome));
        }
    }

    public static IResult Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Results.Bytes(buffer.WrittenMemory, "application/json; charset=utf-8");
    }
}
