using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Deduplication;

internal sealed class DeduplicationGrain(
    [PersistentState("dedup")] IPersistentState<DeduplicationState> state,
    TimeProvider time) : Grain, IDeduplicationGrain
{
    public const string TypeName = "dedup";

    public async Task<bool> TryClaimAsync(TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        if (state.State.SeenUntil is { } until && until > now)
        {
            return false;
        }

        // The claim commits before the caller acts on it; on a lost write the runtime reloads and asks again.
        state.State = new DeduplicationState { SeenUntil = now + ttl };
        await state.WriteStateAsync();
        return true;
    }
}
