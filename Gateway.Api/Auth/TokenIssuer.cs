using System.Security.Claims;
using System.Text;
using Acteon.Grains.Abstractions;
using Acteon.Silo.Configuration.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Acteon.Gateway.Api.Auth;

/// <summary>Signs login tokens (HS256: sub, jti, role, iat, exp) and holds the parameters JwtBearer validates them with.</summary>
public sealed class TokenIssuer
{
    public const string Issuer = "acteon";
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _time;

    public TokenIssuer(CredentialStore store, [FromKeyedServices(GatewayClock.Key)] TimeProvider time)
    {
        _time = time;
        Lifetime = store.Settings.TokenLifetime;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(store.Settings.JwtSecret ?? new string('-', 32)));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        Validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            // Expiry against the gateway's clock (tests drive it), with no skew: every node issues and checks.
            LifetimeValidator = (_, expires, _, _) => expires is { } at && at > _time.GetUtcNow().UtcDateTime,
            ClockSkew = TimeSpan.Zero,
            NameClaimType = JwtRegisteredClaimNames.Sub,
        };
    }

    public TimeSpan Lifetime { get; }

    public TokenValidationParameters Validation { get; }

    public string Issue(AuthUser user)
    {
        var now = _time.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, user.Username),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.CreateVersion7().ToString("N")),
                new Claim("role", Permissions.Name(user.Role)),
            ]),
            IssuedAt = now.UtcDateTime,
            NotBefore = null,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = _credentials,
        });
    }
}
