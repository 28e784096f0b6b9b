using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Acteon.Grains.Abstractions.Throttling;
using Acteon.Grains.State;

namespace Acteon.Grains.Throttling;

/// <summary>
/// A fixed window opened by the first admitted action. Only admitted actions are counted (and written, with CAS,
/// so several silos count together); a rejected hit changes nothing.
/// </summary>
[GrainType(TypeName)]
internal sealed class ThrottleGrain(
    [PersistentState("throttle", GrainStorage.Name)] IPersistentState<ThrottleState> state,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IThrottleGrain
{
    public const string TypeName = "throttle";

    public Task<ThrottleDecision> TryAcquireAsync(int maxCount, TimeSpan window)
    {
        var now = time.GetUtcNow();
        return state.UpdateAsync(stored =>
        {
            var current = stored.WindowEnd is { } end && now < end
                ? stored
                : new ThrottleState { WindowStart = now, WindowEnd = now + window, Count = 0 };
            if (current.Count >= maxCount)
            {
                var wait = current.WindowEnd!.Value - now;
                return ((ThrottleState?)null, new ThrottleDecision(false, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))));
            }

            return (current with { Count = current.Count + 1 }, new ThrottleDecision(true, 0));
        });
    }
}
