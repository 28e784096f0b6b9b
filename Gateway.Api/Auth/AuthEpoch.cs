using Acteon.Grains.Abstractions.Auth;

namespace Acteon.Gateway.Api.Auth;

/// <summary>This node's copy of <see cref="IAuthEpochGrain"/> (it changes only when the grain storage starts empty, i.e. with the cluster).</summary>
public sealed class AuthEpoch(IGrainFactory grains)
{
    private Task<DateTimeOffset>? _since;

    /// <summary>Tokens issued before this (whole seconds, as <c>iat</c>) are refused.</summary>
    public async Task<DateTimeOffset> GetAsync()
    {
        var task = _since ??= grains.GetGrain<IAuthEpochGrain>(0).GetAsync();
        try
        {
            var since = await task;
            return DateTimeOffset.FromUnixTimeSeconds(since.ToUnixTimeSeconds());
        }
        catch
        {
            _since = null;
            throw;
        }
    }
}
