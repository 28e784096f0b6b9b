using System.Text;
using Acteon.Gateway.Api.Auth;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Acteon.Gateway.Api.Tests.Auth;

public sealed class ValidatedTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Validate_SameTokenAgain_RememberedUntilItExpires()
    {
        var tokens = new ValidatedTokens();
        var parameters = Parameters();
        var token = AuthKit.Token("admin", _time.GetUtcNow(), _time.GetUtcNow().AddMinutes(10));

        var first = await tokens.ValidateTokenAsync(token, parameters);
        var second = await tokens.ValidateTokenAsync(token, parameters);
        Assert.True(first.IsValid, first.Exception?.Message);
        Assert.Same(first, second);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.False((await tokens.ValidateTokenAsync(token, parameters)).IsValid);
    }

    [Fact]
    public async Task Validate_RememberedTokenWithAChangedSignature_IsRefused()
    {
        var tokens = new ValidatedTokens();
        var parameters = Parameters();
        var token = AuthKit.Token("admin", _time.GetUtcNow(), _time.GetUtcNow().AddMinutes(10));
        Assert.True((await tokens.ValidateTokenAsync(token, parameters)).IsValid);

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.False((await tokens.ValidateTokenAsync(tampered, parameters)).IsValid);
        var otherKey = AuthKit.Token("admin", _time.GetUtcNow(), _time.GetUtcNow().AddMinutes(10), secret: "another-secret-another-secret-another-secret-0123");
        Assert.False((await tokens.ValidateTokenAsync(otherKey, parameters)).IsValid);
    }

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = TokenIssuer.Issuer,
        ValidAudience = TokenIssuer.Issuer,
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(AuthKit.Secret)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        LifetimeValidator = (_, expires, _, _) => expires is { } at && at > _time.GetUtcNow().UtcDateTime,
        ClockSkew = TimeSpan.Zero,
    };
}
