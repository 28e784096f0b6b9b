using Acteon.Grains.Abstractions;
using Acteon.Gateway.Api.Auth;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions.CircuitBreakers;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.CircuitBreakers;
using Microsoft.Extensions.Options;

namespace Acteon.Gateway.Api.Admin;

/// <summary>
/// <c>GET /admin/circuit-breakers</c> (every provider's breaker as its grain has it, with its configuration) and
/// <c>POST /admin/circuit-breakers/{provider}/trip|reset</c>; 404 when breakers are not enabled or the provider is unknown.
/// </summary>
public static class CircuitBreakerEndpoints
{
    public static RouteGroupBuilder MapCircuitBreakerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/circuit-breakers").WithTags("Admin");
        var manage = group.MapGroup("").RequirePermission(Permission.CircuitBreakersManage);
        group.MapGroup("").RequirePermission(Permission.CircuitBreakersRead).MapGet("", ListAsync).WithSummary("Every circuit breaker, its cluster-wide state and configuration")
            .Produces(StatusCodes.Status200OK).Produces<ErrorSchema>(StatusCodes.Status404NotFound);
        manage.MapPost("/{provider}/trip", (string provider, IGrainFactory grains, IProviderRegistry providers, IOptions<CircuitBreakerOptions> options) =>
                ChangeAsync(provider, grains, providers, options.Value, (g, s) => g.TripAsync(s), "circuit breaker tripped"))
            .WithSummary("Force a circuit breaker open").Produces(StatusCodes.Status200OK).Produces<ErrorSchema>(StatusCodes.Status403Forbidden).Produces<ErrorSchema>(StatusCodes.Status404NotFound);
        manage.MapPost("/{provider}/reset", (string provider, IGrainFactory grains, IProviderRegistry providers, IOptions<CircuitBreakerOptions> options) =>
                ChangeAsync(provider, grains, providers, options.Value, (g, s) => g.ResetAsync(s), "circuit breaker reset"))
            .WithSummary("Force a circuit breaker closed").Produces(StatusCodes.Status200OK).Produces<ErrorSchema>(StatusCodes.Status403Forbidden).Produces<ErrorSchema>(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains, IProviderRegistry providers, IOptions<CircuitBreakerOptions> options)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return NotEnabled();
        }

        var names = providers.All.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var snapshots = await Task.WhenAll(names.Select(n => grains.Reference<ICircuitBreakerGrain>(n).GetAsync(o.SettingsOf(n))));
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("circuit_breakers");
            for (var i = 0; i < names.Count; i++)
            {
                var settings = o.SettingsOf(names[i]);
                writer.WriteStartObject();
                writer.WriteString("provider", names[i]);
                writer.WriteString("state", CircuitStateNames.Of(snapshots[i].State));
                writer.WriteNumber("failure_threshold", settings.FailureThreshold);
                writer.WriteNumber("success_threshold", settings.SuccessThreshold);
                writer.WriteNumber("recovery_timeout_seconds", (long)settings.RecoveryTimeout.TotalSeconds);
                writer.WriteString("fallback_provider", o.FallbackOf(names[i]));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> ChangeAsync(string provider, IGrainFactory grains, IProviderRegistry providers, CircuitBreakerOptions options,
        Func<ICircuitBreakerGrain, CircuitBreakerSettings, Task<CircuitBreakerSnapshot>> change, string message)
    {
        if (!options.Enabled)
        {
            return NotEnabled();
        }

        if (!providers.TryGet(provider, out _))
        {
            return ApiError.NotFound($"circuit breaker not found: {provider}").ToResult();
        }

        var snapshot = await change(grains.Reference<ICircuitBreakerGrain>(provider), options.SettingsOf(provider));
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("provider", provider);
            writer.WriteString("state", CircuitStateNames.Of(snapshot.State));
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });
    }

    private static IResult NotEnabled() => ApiError.NotFound("circuit breakers are not enabled").ToResult();
}
