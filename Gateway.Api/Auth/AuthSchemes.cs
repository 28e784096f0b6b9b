namespace Acteon.Gateway.Api.Auth;

public static class AuthSchemes
{
    /// <summary>The default scheme: picks <see cref="Jwt"/> or <see cref="ApiKey"/> from the request's credentials.</summary>
    public const string Gateway = "Acteon";
    public const string Jwt = "ActeonJwt";
    public const string ApiKey = "ActeonApiKey";
    public const string Disabled = "ActeonAnonymous";

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
