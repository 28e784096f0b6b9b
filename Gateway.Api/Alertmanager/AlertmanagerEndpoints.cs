using Acteon.Gateway.Api.Auth;
using System.Globalization;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Dispatch;
using Acteon.Silo.Configuration;

namespace Acteon.Gateway.Api.Alertmanager;

/// <summary>
/// <c>POST /api/v2/alerts</c>, Alertmanager's ingestion endpoint, so Prometheus can send its alerts here: each alert
/// becomes an action in <c>[alertmanager]</c>'s namespace, tenant and provider and goes through the pipeline (rules
/// group them, state machines follow their fingerprints). The whole list is validated first: one bad alert is a 400
/// naming it, and nothing is dispatched.
/// </summary>
public static class AlertmanagerEndpoints
{
    public const int MaxAlerts = 10_000;
    private const int Parallelism = 64;

    public static IEndpointRouteBuilder MapAlertmanagerEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<ActeonConfig>().Alertmanager is not { } config)
        {
            return app;
        }

        if (!app.ServiceProvider.GetRequiredService<IProviderRegistry>().TryGet(config.Provider, out _))
        {
            throw new ConfigurationException($"[alertmanager] provider: '{config.Provider}' is not a configured provider ([[providers]] name)");
        }

        // Prometheus sends credentials with `authorization` (an API key as Bearer) in its alerting block.
        app.MapGroup("/api/v2").RequirePermission(Permission.Dispatch).MapPost("/alerts", PostAsync).WithTags("Alertmanager")
            .WithSummary("Alertmanager-compatible alert ingestion (a JSON list of alerts, as Prometheus sends them)")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
            .Produces<ErrorSchema>(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpContext http, Caller caller, JsonRequestReader body, ActeonConfig config, DispatchPipeline pipeline, DispatchDeadline deadline,
        [FromKeyedServices(GatewayClock.Key)] TimeProvider time)
    {
        // Every alert becomes an action in the configured scope: the caller's grants must cover it.
        var target = config.Alertmanager!;
        if (!caller.CanAccess(target.Tenant, target.Namespace, target.Provider, target.ActionType))
        {
            return Caller.Forbidden(target.Tenant, target.Namespace, target.Provider, target.ActionType).ToResult();
        }

        var (document, error) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return error!.ToResult();
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return ApiError.BadRequest("the body must be a JSON list of alerts", [new FieldError("$", "must be an array")]).ToResult();
            }

            if (root.GetArrayLength() > MaxAlerts)
            {
                return ApiError.BadRequest(string.Create(CultureInfo.InvariantCulture, $"at most {MaxAlerts} alerts per request")).ToResult();
            }

            var now = time.GetUtcNow();
            var errors = new List<FieldError>();
            var actions = new List<GatewayAction>(root.GetArrayLength());
            var index = 0;
            foreach (var alert in root.EnumerateArray())
            {
                if (AlertReader.Read(alert, string.Create(CultureInfo.InvariantCulture, $"$[{index++}]"), config.Alertmanager!, now, errors) is { } action)
                {
                    actions.Add(action);
                }
            }

            if (errors.Count > 0)
            {
                return ApiError.BadRequest($"invalid alert: {errors[0].Path} {errors[0].Message}", errors).ToResult();
            }

            using var due = deadline.Start();
            await Parallel.ForEachAsync(actions, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (action, _) =>
                await deadline.WaitAsync(pipeline.DispatchAsync(action, DispatchContext.Default with { CallerId = "alertmanager" }, CancellationToken.None), due.Token));
            return DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("accepted", actions.Count);
                writer.WriteEndObject();
            });
        }
    }
}
