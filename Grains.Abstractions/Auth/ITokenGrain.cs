using Orleans.Concurrency;

namespace Acteon.Grains.Abstractions.Auth;

/// <summary>One per issued JWT (key: its <c>jti</c>): whether it was revoked by a logout, stored in the grain storage.</summary>
[Alias("acteon.auth-token")]
public interface ITokenGrain : IGrainWithStringKey
{
    /// <summary>Revokes the token for good; the stored record may be deleted once the token has expired anyway.</summary>
    [Alias("RevokeAsync")]
    Task RevokeAsync(DateTimeOffset expiresAt);

    [Alias("IsRevokedAsync"), ReadOnly]
    Task<bool> IsRevokedAsync();
}
