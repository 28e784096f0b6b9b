using Acteon.Grains.Abstractions.Runtime;
using Acteon.Grains.Abstractions.Throttling;

namespace Acteon.Grains.Throttling;

/// <summary>
/// A fixed window opened by the first admitted action. Only admitted actions are counted (and written, with CAS,
/// so several nodes count together); a rejected hit changes nothing.
/// </summary>
internal sealed class ThrottleGrain(
    [PersistentState("throttle")] IPersistentState<ThrottleState> state,
    TimeProvider time) : Grain, IThrottleGrain
{
    public const string TypeName = "throttle";

    public async Task<ThrottleDecision> TryAcquireAsync(int maxCount, TimeSpan window)
    {
        var now = time.GetUtcNow();
        var current = state.State;
        if (current.WindowEnd is not { } end || now >= end)
        {
            current = new ThrottleState { WindowStart = now, WindowEnd = now + window, Count = 0 };
        }

        if (current.Count >= maxCount)
        {
            var wait = current.WindowEnd!.Value - now;
            return new ThrottleDecision(false, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
        }

        state.State = current with { Count = current.Count + 1 };
        await state.WriteStateAsync();
        return new ThrottleDecision(true, 0);
    }
}
