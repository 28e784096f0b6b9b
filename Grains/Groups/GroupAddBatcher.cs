using Acteon.Grains.Abstractions;
using System.Collections.Concurrent;
using Acteon.Grains.Abstractions.Groups;

namespace Acteon.Grains.Groups;

/// <summary>
/// Coalesces this silo's concurrent adds to one group: while a call to the group's grain is in flight, further events
/// for it wait and then go together in the next call (one grain call and one state write for all of them). Each
/// caller still gets its own event's result. A group with no call in flight has no entry here.
/// </summary>
public sealed class GroupAddBatcher(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public Task<GroupAddResult> AddAsync(string grainKey, GroupedEvent groupedEvent, GroupSettings settings)
    {
        var waiter = new TaskCompletionSource<GroupAddResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        while (true)
        {
            var lane = _lanes.GetOrAdd(grainKey, static _ => new Lane());
            lock (lane)
            {
                if (lane.Closed)
                {
                    continue;
                }

                lane.Waiting.Add((groupedEvent, waiter));
                if (!lane.Running)
                {
                    lane.Running = true;
                    _ = RunAsync(grainKey, lane, settings);
                }
            }

            return waiter.Task;
        }
    }

    private async Task RunAsync(string grainKey, Lane lane, GroupSettings settings)
    {
        var grain = grains.Reference<IGroupGrain>(grainKey);
        while (true)
        {
            List<(GroupedEvent Event, TaskCompletionSource<GroupAddResult> Waiter)> batch;
            lock (lane)
            {
                if (lane.Waiting.Count == 0)
                {
                    lane.Closed = true;
                    _lanes.TryRemove(new KeyValuePair<string, Lane>(grainKey, lane));
                    return;
                }

                batch = lane.Waiting;
                lane.Waiting = [];
            }

            try
            {
                var results = await grain.AddAsync([.. batch.Select(b => b.Event)], settings);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Waiter.TrySetResult(results[i]);
                }
            }
            catch (Exception error)
            {
                foreach (var (_, waiter) in batch)
                {
                    waiter.TrySetException(error);
                }
            }
        }
    }

    private sealed class Lane
    {
        public List<(GroupedEvent, TaskCompletionSource<GroupAddResult>)> Waiting { get; set; } = [];

        public bool Running { get; set; }

        public bool Closed { get; set; }
    }
}
