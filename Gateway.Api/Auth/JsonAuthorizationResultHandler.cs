using Acteon.Gateway.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Acteon.Gateway.Api.Auth;

/// <summary>Answers a refused request with the gateway's <c>{"error"}</c> body: 401 (no or bad credentials) or 403 (role or grant lacking).</summary>
public sealed class JsonAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            var reason = context.Items[AuthSchemes.FailureItem] as string ?? "missing authentication credentials";
            return ApiErrorResult.WriteAsync(context.Response, new ApiError(StatusCodes.Status401Unauthorized, reason));
        }

        if (authorizeResult.Forbidden)
        {
            var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "insufficient permissions";
            return ApiErrorResult.WriteAsync(context.Response, new ApiError(StatusCodes.Status403Forbidden, reason));
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
