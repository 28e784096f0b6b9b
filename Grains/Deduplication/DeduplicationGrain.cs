using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.State;

namespace Acteon.Grains.Deduplication;

/// <summary>
/// One dedup key. A key seen for the first time is let go as soon as its activation is idle: most keys never come
/// back, and keeping one activation per distinct key alive only fills the heap. A key that did repeat stays active
/// (until Orleans collects it), so a burst of duplicates is answered from memory.
/// </summary>
[GrainType(TypeName)]
internal sealed class DeduplicationGrain(
    [PersistentState("dedup", GrainStorage.Name)] IPersistentState<DeduplicationState> state,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IDeduplicationGrain
{
    public const string TypeName = "dedup";

    private bool _repeated;

    public async Task<bool> TryClaimAsync(TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        var claimed = await state.UpdateAsync(current => current.SeenUntil is { } until && until > now
            ? (null, false)
            : (new DeduplicationState { SeenUntil = now + ttl }, true));
        _repeated |= !claimed;
        if (!_repeated)
        {
            this.DeactivateOnIdle();
        }

        return claimed;
    }
}
