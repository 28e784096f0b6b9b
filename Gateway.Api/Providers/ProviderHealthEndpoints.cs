using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.CircuitBreakers;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Providers.Health;
using Acteon.Grains.CircuitBreakers;
using Microsoft.Extensions.Options;
using Acteon.Providers.Aws.Health;

namespace Acteon.Gateway.Api.Providers;

public static class ProviderHealthEndpoints
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>GET /v1/providers/health</c>: per configured provider, its type, the result of its health check (when it has
    /// one), its circuit breaker's state (null when breakers are off), success rate, latency p50/p95/p99 over the last
    /// calls, and its last errors.
    /// </summary>
    public static IEndpointRouteBuilder MapProviderHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/providers").RequirePermission(Permission.ProvidersRead).MapGet("/health", async (IProviderRegistry registry, ProviderHealthMetrics metrics, IGrainFactory grains,
            IOptions<CircuitBreakerOptions> breakers, CancellationToken cancellationToken) =>
        {
            var providers = registry.All.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            var checks = await Task.WhenAll(providers.Select(p => CheckAsync(p, cancellationToken)));
            var circuits = breakers.Value.Enabled
                ? await Task.WhenAll(providers.Select(p => grains.Reference<ICircuitBreakerGrain>(p.Name).GetAsync(breakers.Value.SettingsOf(p.Name))))
                : null;
            return DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("providers");
                for (var i = 0; i < providers.Count; i++)
                {
                    Write(writer, providers[i], checks[i], metrics.Snapshot(providers[i].Name), circuits?[i]);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }).WithTags("Health").WithSummary("Per-provider health checks and metrics");
        return app;
    }

    private static async Task<(bool Checked, ProviderError? Error)> CheckAsync(IActionProvider provider, CancellationToken cancellationToken)
    {
        if (provider is not IProviderHealthCheck check)
        {
            return (false, null);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CheckTimeout);
        try
        {
            return (true, await check.CheckHealthAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (true, ProviderError.Timeout($"health check of '{provider.Name}' took longer than {CheckTimeout.TotalSeconds}s"));
        }
    }

    private static void Write(Utf8JsonWriter writer, IActionProvider provider, (bool Checked, ProviderError? Error) check, ProviderHealthSnapshot stats,
        CircuitBreakerSnapshot? circuit)
    {
        writer.WriteStartObject();
        writer.WriteString("name", provider.Name);
        writer.WriteString("type", provider.Type);
        writer.WriteString("status", !check.Checked ? "unknown" : check.Error is null ? "healthy" : "unhealthy");
        if (check.Error is { } error)
        {
            writer.WriteStartObject("error");
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteString("circuit_breaker", circuit is null ? null : CircuitStateNames.Of(circuit.State));
        writer.WriteNumber("total", stats.Total);
        writer.WriteNumber("succeeded", stats.Succeeded);
        writer.WriteNumber("failed", stats.Failed);
        writer.WriteNumber("success_rate", stats.SuccessRate);
        writer.WriteStartObject("latency_ms");
        writer.WriteNumber("p50", stats.LatencyP50Ms);
        writer.WriteNumber("p95", stats.LatencyP95Ms);
        writer.WriteNumber("p99", stats.LatencyP99Ms);
        writer.WriteEndObject();
        writer.WriteStartArray("last_errors");
        foreach (var e in stats.LastErrors)
        {
            writer.WriteStartObject();
            writer.WriteString("at", JsonTime.Format(e.At));
            writer.WriteString("code", e.Code);
            writer.WriteString("message", e.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
