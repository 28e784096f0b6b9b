namespace Acteon.Gateway.Api.Auth;

public static class AuthSchemes
{
    public const string Jwt = "ActeonJwt";

    /// <summary>HttpContext.Items key of the reason an authentication failed (the 401 message).</summary>
    public const string FailureItem = "acteon.auth-failure";

    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>
    /// The cookie the operations dashboard sets (path /orleans, SameSite=Strict) when its link to the Orleans Dashboard
    /// is followed: a browser navigation carries no Authorization header. It is read under /orleans only.
    /// </summary>
    public const string OrleansCookie = "acteon_orleans";

    /// <summary>A JWT is three dot-separated parts; any other bearer value is taken as an API key.</summary>
    public static bool LooksLikeJwt(ReadOnlySpan<char> token) => token.Count('.') == 2;

    /// <summary>The JWT of <see cref="OrleansCookie"/> for a request under /orleans that carries no other credential.</summary>
    public static string? OrleansCookieToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/orleans", StringComparison.Ordinal) && !request.Headers.ContainsKey("Authorization") && !request.Headers.ContainsKey(ApiKeyHeader)
        && request.Cookies.TryGetValue(OrleansCookie, out var token) && token is not null && LooksLikeJwt(token) ? token : null;

    public static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var h && h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? h[7..].Trim() : null;
}
