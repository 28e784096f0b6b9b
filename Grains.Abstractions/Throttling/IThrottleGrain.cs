using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Abstractions.Throttling;

/// <summary>One per <c>{namespace}:{tenant}:{rule}</c>: a fixed window that admits at most N actions.</summary>
public interface IThrottleGrain : IGrainWithStringKey
{
    /// <summary>Admits and counts the action if the window has room; rejected hits are not counted and do not extend the window.</summary>
    Task<ThrottleDecision> TryAcquireAsync(int maxCount, TimeSpan window);
}
