using Acteon.Gateway.Api.Auth;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.Telemetry;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Dispatch;

namespace Acteon.Gateway.Api.Dispatch;

/// <summary>
/// <c>POST /v1/dispatch/batch</c>: each element is validated and dispatched on its own (a child span of the
/// batch span), up to <see cref="Parallelism"/> at a time; results keep the request's order.
/// </summary>
public static partial class BatchDispatcher
{
    public const int MaxActions = 1000;
    private const int Parallelism = 32;

    public static async Task<IResult> DispatchAsync(
        HttpContext http, Caller caller, JsonRequestReader body, ActionReader reader, IProviderRegistry providers, DispatchPipeline pipeline, DispatchDeadline deadline,
        RateLimits limits, ILogger<DispatchPipeline> logger)
    {
        var (dryRun, document, error) = await DispatchRequest.ReadAsync(http, body);
        if (document is null)
        {
            return error!.ToResult();
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
            {
                return ApiError.BadRequest("the body must be an object with an 'actions' array",
                    [new FieldError("$.actions", "is required (an array of actions)")]).ToResult();
            }

            var count = actions.GetArrayLength();
            if (count > MaxActions)
            {
                return ApiError.BadRequest(string.Create(CultureInfo.InvariantCulture, $"the batch has {count} actions; at most {MaxActions} are allowed"),
                    [new FieldError("$.actions", string.Create(CultureInfo.InvariantCulture, $"has {count} elements; the limit is {MaxActions}"))]).ToResult();
            }

            using var batchSpan = GatewayTelemetry.Source.StartActivity("dispatch.batch", ActivityKind.Internal, TraceParent.From(http));
            batchSpan?.SetTag("acteon.batch.size", count);
            var context = new DispatchContext
            {
                DryRun = dryRun, ParentTrace = batchSpan?.Context ?? TraceParent.From(http), CallerId = caller.Id, AuthMethod = caller.Method,
            };
            var results = new Element[count];
            var index = 0;
            foreach (var element in actions.EnumerateArray())
            {
                results[index] = Validate(element, index, caller, reader, providers);
                index++;
            }

            // One deadline for the whole batch: an element still running then (or not yet started) answers with an error.
            using var due = deadline.Start();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
            {
                if (results[i].Action is { } action)
                {
                    if (await limits.TenantAsync(action.Tenant) is var (message, retryAfter))
                    {
                        results[i] = new Element(null, null, $"{message}; retry after {retryAfter} s");
                        return;
                    }

                    results[i] = await RunAsync(action, context, pipeline, deadline, logger, due.Token);
                }
            });

            return DispatchEndpoints.Json(writer => Write(writer, results));
        }
    }

    private static Element Validate(JsonElement element, int index, Caller caller, ActionReader reader, IProviderRegistry providers)
    {
        var errors = new List<FieldError>();
        var action = reader.Read(element, string.Create(CultureInfo.InvariantCulture, $"$.actions[{index}]"), errors);
        if (action is null)
        {
            return new Element(null, null, $"invalid action: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Message}"))}");
        }

        if (!caller.CanAccess(action.Tenant, action.Namespace, action.Provider, action.ActionType))
        {
            return new Element(null, null, Caller.Forbidden(action.Tenant, action.Namespace, action.Provider, action.ActionType).Message);
        }

        return providers.TryGet(action.Provider, out _)
            ? new Element(action, null, null)
            : new Element(null, null, $"provider not found: {action.Provider}");
    }

    private static async Task<Element> RunAsync(
        GatewayAction action, DispatchContext context, DispatchPipeline pipeline, DispatchDeadline deadline, ILogger logger, CancellationToken due)
    {
        try
        {
            due.ThrowIfCancellationRequested();
            return new Element(null, await deadline.WaitAsync(pipeline.DispatchAsync(action, context, CancellationToken.None), due), null);
        }
        catch (OperationCanceledException) when (due.IsCancellationRequested)
        {
            return new Element(null, null, $"not dispatched: the batch reached [server] request_timeout_seconds ({deadline.Timeout.TotalSeconds:0} s) first");
        }
        catch (Exception error) when (ErrorHandling.ToApiError(error) is { Status: not StatusCodes.Status500InternalServerError } known)
        {
            return new Element(null, null, known.Message);
        }
        catch (Exception error)
        {
            // A fault while dispatching one element is reported in its slot; the other elements go on.
            LogElementFailed(logger, action.Id, error);
            return new Element(null, null, $"internal error while dispatching action '{action.Id}'; see the gateway log");
        }
    }

    private static void Write(Utf8JsonWriter writer, Element[] results)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("results");
        foreach (var result in results)
        {
            writer.WriteStartObject();
            if (result.Outcome is { } outcome)
            {
                writer.WriteString("status", "success");
                writer.WritePropertyName("outcome");
                OutcomeJson.Write(writer, outcome);
            }
            else
            {
                writer.WriteString("status", "error");
                writer.WriteStartObject("error");
                writer.WriteString("message", result.Error);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching batch element {ActionId} failed")]
    private static partial void LogElementFailed(ILogger logger, string actionId, Exception error);

    private readonly record struct Element(GatewayAction? Action, DispatchOutcome? Outcome, string? Error);
}
