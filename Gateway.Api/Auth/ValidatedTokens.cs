using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// JwtBearer's token handler: <see cref="JsonWebTokenHandler"/>, remembering the tokens it found valid, so that a client
/// that sends the same token on every request pays its signature check and JSON parse once. A remembered token is
/// still checked for expiry on every use, by the same lifetime validator; revocation, the user and the epoch are
/// checked on every request after this (<see cref="JwtEvents"/>). The memory is bounded: when full it starts over.
/// </summary>
public sealed class ValidatedTokens : TokenHandler
{
    private const int Capacity = 4096;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, TokenValidationResult> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        // Only with a lifetime validator of the gateway's own (its clock): without one, nothing here could recheck expiry.
        var lifetime = validationParameters.LifetimeValidator;
        if (lifetime is not null && _valid.TryGetValue(token, out var known))
        {
            var jwt = (JsonWebToken)known.SecurityToken;
            if (lifetime(null, jwt.ValidTo, jwt, validationParameters))
            {
                return known;
            }

            _valid.TryRemove(token, out _);
        }

        var result = await _handler.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && lifetime is not null)
        {
            if (_valid.Count >= Capacity)
            {
                _valid.Clear();
            }

            _valid[token] = result;
        }

        return result;
    }

    public override SecurityToken ReadToken(string token) => _handler.ReadToken(token);
}
