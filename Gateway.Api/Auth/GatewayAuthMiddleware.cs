using Acteon.Gateway.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// Authentication and authorization in one step, with <c>[auth]</c> on. A public route (<see cref="RouteAuthorization.AllowPublic"/>)
/// passes without either. Otherwise the caller is found from its credential — a JWT through JwtBearer (signature and
/// expiry, then revocation, epoch and user in <see cref="JwtEvents"/>), an API key by its SHA-256 — and must hold every
/// <see cref="RequiredPermission"/> of the route (a route that declares none, or no route at all, needs
/// <see cref="Permission.AuthManage"/>): no credential or a bad one → 401, a role or grant lacking → 403, each with the
/// gateway's <c>{"error"}</c> body. ASP.NET's authorization middleware did the same through policies, handlers and
/// result handlers, at a measured cost of several microseconds a request.
/// </summary>
public sealed class GatewayAuthMiddleware(RequestDelegate next, CredentialStore store)
{
    private static readonly RequiredPermission[] AdminOnly = [new(Permission.AuthManage)];

    public async Task InvokeAsync(HttpContext http)
    {
        var metadata = http.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(http);
            return;
        }

        if (await AuthenticateAsync(http) is not { } caller)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            var reason = http.Items[AuthSchemes.FailureItem] as string ?? "missing authentication credentials";
            await ApiErrorResult.WriteAsync(http.Response, new ApiError(StatusCodes.Status401Unauthorized, reason));
            return;
        }

        var required = metadata?.GetOrderedMetadata<RequiredPermission>() is { Count: > 0 } declared ? declared : (IReadOnlyList<RequiredPermission>)AdminOnly;
        for (var i = 0; i < required.Count; i++)
        {
            if (Permissions.Denial(caller, required[i].Permission) is { } denial)
            {
                await ApiErrorResult.WriteAsync(http.Response, new ApiError(StatusCodes.Status403Forbidden, denial));
                return;
            }
        }

        await next(http);
    }

    private async Task<Caller?> AuthenticateAsync(HttpContext http)
    {
        var bearer = AuthSchemes.Bearer(http.Request);
        if ((bearer is not null && AuthSchemes.LooksLikeJwt(bearer)) || (bearer is null && AuthSchemes.OrleansCookieToken(http.Request) is not null))
        {
            var result = await http.AuthenticateAsync(AuthSchemes.Jwt);
            if (!result.Succeeded)
            {
                return null;
            }

            http.User = result.Principal;
            return Caller.From(result.Principal);
        }

        var raw = bearer ?? (http.Request.Headers[AuthSchemes.ApiKeyHeader].ToString() is { Length: > 0 } header ? header : null);
        if (raw is null)
        {
            return null;
        }

        if (store.KeyPrincipalByRawKey(raw) is not { } principal)
        {
            http.Items[AuthSchemes.FailureItem] = "invalid API key";
            return null;
        }

        http.User = principal;
        return Caller.From(principal);
    }
}
