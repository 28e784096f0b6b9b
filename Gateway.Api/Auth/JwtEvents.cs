using Acteon.Grains.Abstractions;
using System.Security.Claims;
using Acteon.Grains.Abstractions.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// After JwtBearer checked signature, issuer and expiry: the token must not be revoked (its <see cref="ITokenGrain"/>),
/// must be issued after the <see cref="AuthEpoch"/>, and its user must still exist; the caller gets the user's current role and grants.
/// </summary>
public sealed class JwtEvents(CredentialStore store, AuthEpoch epoch, IGrainFactory grains) : JwtBearerEvents
{
    /// <summary>Under /orleans, a browser that followed the dashboard's link sends its token as a cookie.</summary>
    public override Task MessageReceived(MessageReceivedContext context)
    {
        context.Token ??= AuthSchemes.OrleansCookieToken(context.Request);
        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        context.HttpContext.Items[AuthSchemes.FailureItem] = context.Exception switch
        {
            SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException => "invalid token: expired",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "invalid token: bad signature",
            SecurityTokenInvalidAlgorithmException => "invalid token: only HS256 is accepted",
            _ => "invalid token",
        };
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var token = (JsonWebToken)context.SecurityToken;
        string? failure = null;
        if (store.User(token.Subject) is not { } user)
        {
            failure = "invalid token: the user no longer exists";
        }
        else if (token.IssuedAt < (await epoch.GetAsync()).UtcDateTime)
        {
            failure = "invalid token: issued before the gateway's revocation records begin; log in again";
        }
        else if (string.IsNullOrEmpty(token.Id) || await grains.Reference<ITokenGrain>(token.Id).IsRevokedAsync())
        {
            failure = "token has been revoked";
        }
        else
        {
            var caller = new Caller(user.Username, user.Role, user.Grants, Caller.Jwt, token.Id, new DateTimeOffset(token.ValidTo, TimeSpan.Zero));
            context.Principal = new ClaimsPrincipal(new CallerIdentity(caller));
            return;
        }

        context.HttpContext.Items[AuthSchemes.FailureItem] = failure;
        context.Fail(failure);
    }
}
