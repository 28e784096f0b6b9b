namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// How a route declares who may call it, once per route group: <c>app.MapGroup("/v1/x").RequirePermission(Permission.XRead)</c>,
/// or <c>.AllowPublic()</c> for the few routes without credentials (health, login, approval decision links).
/// A route that declares neither is admin-only (<see cref="GatewayAuthMiddleware"/>), and the route matrix test fails on it.
/// </summary>
public static class RouteAuthorization
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission));

    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder.AllowAnonymous();
}

/// <summary>Endpoint metadata naming the route's permission (read by <see cref="GatewayAuthMiddleware"/>, the caller rate limit and the OpenAPI document).</summary>
public sealed record RequiredPermission(Permission Permission);
