using Acteon.Grains.Abstractions;
using System.Globalization;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions.Auth;
using Acteon.Silo.Configuration.Auth;

namespace Acteon.Gateway.Api.Auth;

public static class AuthEndpoints
{
    /// <summary>Verified when the username is unknown, so that an unknown user takes as long as a wrong password.</summary>
    private static readonly string DummyHash = PasswordHash.Hash("not a password");

    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowPublic()
            .WithSummary("Exchange a username and password for a JWT ({token, expires_in})")
            .Produces<ErrorSchema>(StatusCodes.Status401Unauthorized)
            .Produces<ErrorSchema>(StatusCodes.Status429TooManyRequests);
        group.MapPost("/logout", LogoutAsync).RequirePermission(Permission.Authenticated)
            .WithSummary("Revoke the JWT this request carries, on every node");
        group.MapGet("/me", Me).RequirePermission(Permission.Authenticated)
            .WithSummary("Who the caller is: its role, the permissions it holds and its grants (the dashboard shows only what these allow)");
        group.MapPost("/reload", Reload).RequirePermission(Permission.AuthManage)
            .WithSummary("Read the users and API keys of acteon.toml and auth.toml again");
        return group;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, JsonRequestReader body, CredentialStore store, TokenIssuer issuer, RateLimits limits, AuthEpoch epoch)
    {
        if (!store.Settings.Enabled)
        {
            return ApiError.NotFound("authentication is not enabled ([auth] enabled = false)").ToResult();
        }

        var (document, error) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return error!.ToResult();
        }

        string username, password;
        using (document)
        {
            var errors = new List<FieldError>();
            username = Field(document.RootElement, "username", errors);
            password = Field(document.RootElement, "password", errors);
            if (errors.Count > 0)
            {
                return ApiError.BadRequest($"invalid login: {errors[0].Path} {errors[0].Message}", errors).ToResult();
            }
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await limits.LoginBlockedAsync(username, address) is { } retryAfter)
        {
            return RateLimitResponse.TooMany(
                string.Create(CultureInfo.InvariantCulture, $"too many failed logins for this user or address; retry after {retryAfter} s"), retryAfter);
        }

        var user = store.User(username);
        if (!PasswordHash.Verify(password, user?.PasswordHash ?? DummyHash) || user is null)
        {
            await limits.LoginFailedAsync(username, address);
            return new ApiError(StatusCodes.Status401Unauthorized, "invalid credentials").ToResult();
        }

        // The epoch is fixed before the first token is issued, so that no token of this storage's lifetime predates it.
        await epoch.GetAsync();
        var token = issuer.Issue(user);
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token", token);
            writer.WriteNumber("expires_in", (long)issuer.Lifetime.TotalSeconds);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> LogoutAsync(Caller caller, IGrainFactory grains)
    {
        if (caller.TokenId is not { } jti)
        {
            return ApiError.BadRequest("logout ends a login session: send the JWT from POST /v1/auth/login (API keys are revoked by removing them from the configuration)").ToResult();
        }

        await grains.Reference<ITokenGrain>(jti).RevokeAsync(caller.TokenExpiresAt ?? DateTimeOffset.MaxValue);
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "logged_out");
            writer.WriteEndObject();
        });
    }

    private static IResult Me(Caller caller, CredentialStore store) => DispatchEndpoints.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", caller.Id);
        writer.WriteString("role", Permissions.Name(caller.Role));
        writer.WriteString("method", caller.Method);
        writer.WriteBoolean("auth_enabled", store.Settings.Enabled);
        writer.WriteStartArray("permissions");
        foreach (var permission in Enum.GetValues<Permission>())
        {
            if (Permissions.Denial(caller, permission) is null)
            {
                writer.WriteStringValue(permission.ToString());
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("grants");
        foreach (var grant in caller.Grants)
        {
            writer.WriteStartObject();
            WriteList(writer, "tenants", grant.Tenants);
            WriteList(writer, "namespaces", grant.Namespaces);
            WriteList(writer, "providers", grant.Providers);
            WriteList(writer, "actions", grant.Actions);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteList(System.Text.Json.Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static IResult Reload(CredentialStore store) => store.Reload() is { } problem
        ? new ApiError(StatusCodes.Status422UnprocessableEntity, $"auth configuration not reloaded: {problem}").ToResult()
        : DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "reloaded");
            writer.WriteEndObject();
        });

    private static string Field(System.Text.Json.JsonElement root, string name, List<FieldError> errors)
    {
        if (root.ValueKind == System.Text.Json.JsonValueKind.Object && root.TryGetProperty(name, out var value)
            && value.ValueKind == System.Text.Json.JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        errors.Add(new FieldError("$." + name, "is required (a non-empty string)"));
        return "";
    }
}
