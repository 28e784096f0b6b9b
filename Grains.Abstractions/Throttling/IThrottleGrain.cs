namespace Acteon.Grains.Abstractions.Throttling;

/// <summary>One per <c>{namespace}:{tenant}:{rule}</c>: a fixed window that admits at most N actions.</summary>
[Alias("acteon.throttle")]
public interface IThrottleGrain : IGrainWithStringKey
{
    /// <summary>Admits and counts the action if the window has room; rejected hits are not counted and do not extend the window.</summary>
    [Alias("TryAcquireAsync")]
    Task<ThrottleDecision> TryAcquireAsync(int maxCount, TimeSpan window);
}
