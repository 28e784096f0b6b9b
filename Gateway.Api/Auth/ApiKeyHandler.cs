using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Acteon.Gateway.Api.Auth;

/// <summary>API keys from <c>X-API-Key</c> or a bearer value that is not a JWT, looked up by SHA-256.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var raw = AuthSchemes.Bearer(Request) ?? (Request.Headers[AuthSchemes.ApiKeyHeader].ToString() is { Length: > 0 } k ? k : null);
        if (raw is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (store.KeyByRawKey(raw) is not { } key)
        {
            Context.Items[AuthSchemes.FailureItem] = "invalid API key";
            return Task.FromResult(AuthenticateResult.Fail("invalid API key"));
        }

        var caller = new Caller(key.Name, key.Role, key.Grants, Caller.ApiKey);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new CallerIdentity(caller)), Scheme.Name)));
    }
}
