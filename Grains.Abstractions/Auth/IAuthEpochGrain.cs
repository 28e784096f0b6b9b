namespace Acteon.Grains.Abstractions.Auth;

/// <summary>
/// The time from which the grain storage holds every revocation (key 0): written once, when the storage has no
/// record of it. Tokens issued before it are refused, so a storage that starts empty (the memory backend after a
/// restart) cannot bring back tokens whose revocations it lost.
/// </summary>
[Alias("acteon.auth-epoch")]
public interface IAuthEpochGrain : IGrainWithIntegerKey
{
    [Alias("GetAsync")]
    Task<DateTimeOffset> GetAsync();
}
