using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Storage;

namespace Acteon.Grains.Deduplication;

/// <summary>
/// Dedup keys, claimed with one insert-if-absent each in the grain storage under the key's own grain id
/// (<c>dedup/{key}</c>): the storage's compare-and-swap decides which caller, on any silo, owns a key. Most keys are
/// seen once, so a grain per key would create and collect one activation per dispatch; this one stateless worker per
/// silo (reentrant: claims wait on the store side by side) creates none. Keys it saw claimed are remembered in a
/// bounded cache, so a burst of duplicates is answered from memory.
/// </summary>
[StatelessWorker(1), Reentrant, GrainType(TypeName)]
internal sealed class DeduplicationGrain(
    [FromKeyedServices(GrainStorage.Name)] IGrainStorage storage,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IDeduplicationGrain
{
    public const string TypeName = "dedup";
    private const string StateName = "dedup";
    private const int MaxAttempts = 5;

    private readonly SeenKeys _seen = new(capacity: 10_000);

    public async Task<bool> TryClaimAsync(string key, TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        if (_seen.IsSeen(key, now))
        {
            return false;
        }

        var grainId = GrainId.Create(TypeName, key);
        var state = new GrainState<DeduplicationState> { State = new DeduplicationState() };
        for (var attempt = 1; ; attempt++)
        {
            if (state.State.SeenUntil is { } until && until > now)
            {
                _seen.Add(key, until);
                return false;
            }

            // Insert-if-absent while nothing was read (ETag null); over an expired claim, a compare-and-swap on its ETag.
            var claim = new GrainState<DeduplicationState> { State = new DeduplicationState { SeenUntil = now + ttl }, ETag = state.ETag };
            try
            {
                await storage.WriteStateAsync(StateName, grainId, claim);
                _seen.Add(key, now + ttl);
                return true;
            }
            catch (InconsistentStateException) when (attempt < MaxAttempts)
            {
                state = new GrainState<DeduplicationState>();
                await storage.ReadStateAsync(StateName, grainId, state);
                state.State ??= new DeduplicationState();
            }
        }
    }
}
