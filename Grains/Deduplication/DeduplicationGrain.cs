using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Deduplication;

/// <summary>
/// One dedup key. Almost every key is new, so the state is not read on activation: the claim is an insert-if-absent,
/// and a key that is already stored makes it conflict, reload and decide again on what is stored.
/// A key seen for the first time is let go as soon as its activation is idle: most keys never come back, and keeping
/// one activation per distinct key alive only fills the heap. A key that did repeat stays active (until the idle
/// time-out), so a burst of duplicates is answered from memory.
/// </summary>
internal sealed class DeduplicationGrain(
    [PersistentState("dedup", ReadOnActivation = false)] IPersistentState<DeduplicationState> state,
    TimeProvider time) : Grain, IDeduplicationGrain
{
    public const string TypeName = "dedup";

    private bool _repeated;

    public async Task<bool> TryClaimAsync(TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        if (state.State.SeenUntil is { } until && until > now)
        {
            _repeated = true;
            return false;
        }

        // The claim commits before the caller acts on it; on a lost write the runtime reloads and asks again.
        state.State = new DeduplicationState { SeenUntil = now + ttl };
        await state.WriteStateAsync();
        if (!_repeated)
        {
            Context.DeactivateOnIdle();
        }

        return true;
    }
}
