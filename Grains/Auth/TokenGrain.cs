using Acteon.Grains.Abstractions.Auth;
using Acteon.Grains.State;

namespace Acteon.Grains.Auth;

[GrainType(TypeName)]
internal sealed class TokenGrain(
    [PersistentState("token", GrainStorage.Name)] IPersistentState<TokenState> state) : Grain, ITokenGrain
{
    public const string TypeName = "auth-token";

    public Task RevokeAsync(DateTimeOffset expiresAt) =>
        state.UpdateAsync(stored => (stored.Revoked ? null : new TokenState { Revoked = true, TokenExpiresAt = expiresAt }, true));

    public Task<bool> IsRevokedAsync() => Task.FromResult(state.State.Revoked);
}
