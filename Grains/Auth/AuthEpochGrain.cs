using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Auth;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.Auth;

[GrainType(TypeName)]
internal sealed class AuthEpochGrain(
    [PersistentState("auth-epoch", GrainStorage.Name)] IPersistentState<AuthEpochState> state,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IAuthEpochGrain
{
    public const string TypeName = "auth-epoch";

    public Task<DateTimeOffset> GetAsync() => state.UpdateAsync(stored => stored.Since is { } since
        ? ((AuthEpochState?)null, since)
        : (new AuthEpochState { Since = time.GetUtcNow() }, time.GetUtcNow()));
}

[GenerateSerializer, Alias("acteon.auth-epoch-state")]
public sealed record AuthEpochState
{
    [Id(0)] public DateTimeOffset? Since { get; init; }
}
