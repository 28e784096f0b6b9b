using System.Security.Claims;
using Acteon.Silo.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// Authentication and authorization (<see cref="GatewayAuthMiddleware"/>: JWT through JwtBearer, API keys, each route's
/// <see cref="Permission"/>; the anonymous admin when <c>[auth]</c> is off), then the per-caller rate limit.
/// </summary>
public static partial class AuthSetup
{
    /// <summary>The caller of every request while <c>[auth]</c> is off (nothing on the request path changes a principal).</summary>
    private static readonly ClaimsPrincipal AnonymousAdmin = new(new CallerIdentity(Caller.AnonymousAdmin));

    public static IServiceCollection AddGatewayAuth(this IServiceCollection services, ActeonConfig config)
    {
        var auth = config.Auth;
        if (auth.Enabled && (auth.JwtSecret is null || System.Text.Encoding.UTF8.GetByteCount(auth.JwtSecret) < 32))
        {
            throw new ConfigurationException(
                $"{auth.Location}: [auth] enabled = true needs jwt_secret (at least 32 bytes), in the file or in the environment variable Acteon__JwtSecret");
        }

        services.AddSingleton<CredentialStore>();
        services.AddHostedService<CredentialWatcher>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AuthEpoch>();
        services.AddSingleton<JwtEvents>();
        services.AddSingleton<ValidatedTokens>();
        services.AddSingleton<RateLimits>();
        if (!auth.Enabled)
        {
            // Nothing authenticates or authorizes (UseGatewayAuth): the anonymous admin holds every permission. The
            // routes' permission metadata stays, read only by the caller rate limit and the OpenAPI document.
            return services;
        }

        // JwtBearer validates JWTs; GatewayAuthMiddleware asks it only for requests that carry one, and checks API keys
        // and every route's permissions itself (no ASP.NET authorization services: see UseGatewayAuth).
        services.AddAuthentication().AddJwtBearer(AuthSchemes.Jwt);
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Jwt).Configure<TokenIssuer, ValidatedTokens>((o, issuer, tokens) =>
        {
            o.MapInboundClaims = false;
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(tokens);
            o.TokenValidationParameters = issuer.Validation;
            o.EventsType = typeof(JwtEvents);
        });
        return services;
    }

    public static WebApplication UseGatewayAuth(this WebApplication app)
    {
        var config = app.Services.GetRequiredService<ActeonConfig>();
        if (!config.Auth.Enabled)
        {
            LogDisabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Acteon.Gateway.Auth"));
            // Every request is the anonymous admin, whom every permission check would admit: set it, skip the checks.
            app.Use((http, next) =>
            {
                http.User = AnonymousAdmin;
                return next(http);
            });
        }
        else
        {
            app.UseMiddleware<GatewayAuthMiddleware>();
        }

        if (config.RateLimit.Enabled)
        {
            app.Use(app.Services.GetRequiredService<RateLimits>().CallerMiddleware);
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "[auth] is disabled: every request is served as an anonymous admin with access to every tenant. Set [auth] enabled = true before exposing this gateway.")]
    private static partial void LogDisabled(ILogger logger);
}
