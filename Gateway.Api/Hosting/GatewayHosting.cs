using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Admin;
using Acteon.Gateway.Api.Alertmanager;
using Acteon.Gateway.Api.Approvals;
using Acteon.Gateway.Api.Audit;
using Acteon.Gateway.Api.Chains;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Embeddings;
using Acteon.Gateway.Api.Events;
using Acteon.Gateway.Api.Groups;
using Acteon.Gateway.Api.Health;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Gateway.Api.Providers;
using Acteon.Gateway.Api.Recurring;
using Acteon.Gateway.Api.Rules;
using Acteon.Gateway.Api.Streaming;
using Acteon.Gateway.Api.Telemetry;
using Acteon.Gateway.Api.Ui;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Rules;
using Acteon.Silo.Configuration;
using Acteon.Silo.Hosting;
using Orleans.Dashboard;

namespace Acteon.Gateway.Api.Hosting;

public static class GatewayHosting
{
    /// <summary>
    /// The host builder the gateway runs on. appsettings.json is read once, not watched: the default reload-on-change
    /// watcher covers the whole content root, state files under ./data included, and woke a thread on every write.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? contentRoot = null) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = contentRoot,
        });

    /// <summary>The REST gateway with a co-hosted silo, or as a client of a silo cluster, as <paramref name="config"/> describes.</summary>
    public static WebApplicationBuilder AddActeonGateway(this WebApplicationBuilder builder, ActeonConfig config)
    {
        builder.WebHost.UseUrls($"http://{config.Server.Host}:{config.Server.Port}");
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] is null)
        {
            // Its request-started/finished lines are Information; while it logs at all, ASP.NET Core starts an Activity
            // (and an execution-context copy) for every request. Tracing, when configured, still gets its spans.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        }

        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = config.Server.MaxBodyBytes;
            o.ConfigureEndpointDefaults(listen => listen.Use(KestrelErrorBodies.Middleware));
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = config.Server.ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        // Orleans first: hosted services start in the order they are added, and the rules engine's start-up reads
        // the rule toggles grain, so the silo (or the client's connection) must be up before it.
        if (config.Cluster.Role == ClusterConfig.ClientRole)
        {
            builder.UseOrleansClient(client => client.UseActeonClient(config));
        }
        else
        {
            builder.UseOrleans(silo => silo.UseActeonSilo(config));
        }

        builder.Services.AddActeonServices(config);
        builder.Services.AddSingleton<JsonRequestReader>();
        builder.Services.AddSingleton<ActionReader>();
        builder.Services.AddSingleton<RecurringRequestReader>();
        builder.Services.AddSingleton<DispatchDeadline>();
        builder.Services.AddSingleton<StreamConnections>();
        builder.Services.AddGatewayOpenApi();
        builder.Services.AddGatewayCompression();
        builder.Services.AddGatewayAuth(config);
        builder.Services.AddEmbeddingRateLimit();
        builder.Services.AddGatewayTelemetry(config.Telemetry);
        return builder;
    }

    public static async Task<WebApplication> MapActeonGatewayAsync(this WebApplication app)
    {
        // Providers are built now, so a bad [[providers]] entry stops start-up instead of failing the first dispatch.
        _ = app.Services.GetRequiredService<IProviderRegistry>();
        // So are the rules: a bad file stops start-up with its one message before the silo starts (and logs its stop).
        await app.Services.GetRequiredService<RuleEngine>().LoadAtStartupAsync();
        app.UseResponseCompression();
        app.UseGatewayErrors();
        app.UseGatewayOpenApi();
        app.UseOperationsUi();
        app.UseGatewayAuth();
        app.UseRateLimiter();
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapGatewayTelemetry();
        app.MapClusterEndpoints();
        app.MapDispatchEndpoints();
        app.MapAuditEndpoints();
        app.MapRulesEndpoints();
        app.MapApprovalEndpoints();
        app.MapChainEndpoints();
        app.MapEmbeddingEndpoints();
        app.MapProviderHealthEndpoints();
        app.MapCircuitBreakerEndpoints();
        app.MapStreamEndpoints();
        app.MapRecurringEndpoints();
        app.MapGroupEndpoints();
        app.MapEventEndpoints();
        app.MapAlertmanagerEndpoints();
        if (app.Services.GetRequiredService<ActeonConfig>().Cluster.Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/orleans").RequirePermission(Permission.OrleansDashboard);
        }

        return app;
    }
}
