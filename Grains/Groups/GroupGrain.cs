using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Dispatch;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;

namespace Acteon.Grains.Groups;

/// <summary>
/// A group of events. Every decision (add, flush) is one durable write; a flush is stored as a
/// <see cref="PendingFlush"/> before its summary action is dispatched through the pipeline and cleared after, so a node
/// that dies in between leaves the reminder to send the same flush (same action id) from another node. Placed on the
/// node that took the group's first event.
/// </summary>
[GrainType(TypeName), PreferLocalPlacement]
internal sealed class GroupGrain(
    [PersistentState("group", GrainStorage.Name)] IPersistentState<GroupState> state,
    IServiceProvider services,
    GroupMetrics metrics,
    IStreamEventPublisher stream,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IGroupGrain, IRemindable
{
    public const string TypeName = "group";
    public const string ReminderName = "flush";
    public const string NotificationType = "group_notification";
    public const int MaxIdleFlushes = 3;

    /// <summary>How soon a flush whose send did not finish is tried again.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(10);

    private DateTimeOffset? _reminderDue;

    public async Task<IReadOnlyList<GroupAddResult>> AddAsync(IReadOnlyList<GroupedEvent> groupedEvents, GroupSettings settings)
    {
        var results = new List<GroupAddResult>(groupedEvents.Count);
        while (results.Count < groupedEvents.Count)
        {
            // A stored flush goes first (one left by a node that died before sending it, or one a full group made):
            // new events must not overwrite it.
            await SendPendingAsync();
            var now = time.GetUtcNow();
            var started = false;
            var added = await state.UpdateAsync(current =>
            {
                started = current.GroupId is null || current.Ended;
                var next = started ? GroupFlushes.Start(settings, now) : current;
                var batch = new List<GroupAddResult>();
                for (var i = results.Count; i < groupedEvents.Count && next.PendingFlush is null; i++)
                {
                    next = GroupFlushes.Add(next, groupedEvents[i], now);
                    batch.Add(next.PendingFlush is { } full
                        ? new GroupAddResult(next.GroupId!, full.Events.Count, now)
                        : new GroupAddResult(next.GroupId!, next.Events.Count, next.NotifyAt));
                }

                return (next, batch);
            });
            results.AddRange(added);
            if (started)
            {
                metrics.GroupStarted();
                await Index(state.State.Settings!).AddAsync(state.State.Settings!.GroupKey);
            }

            await SendPendingAsync();
            await ScheduleAsync(now);
        }

        return results;
    }

    public Task<GroupSnapshot?> GetAsync()
    {
        var group = state.State;
        if (group.GroupId is null || (group.Ended && group.PendingFlush is null))
        {
            return Task.FromResult<GroupSnapshot?>(null);
        }

        var events = group.Events.Count == 0 && group.PendingFlush is { } pending ? pending.Events : group.Events;
        return Task.FromResult<GroupSnapshot?>(new GroupSnapshot
        {
            GroupId = group.GroupId,
            GroupKey = group.Settings!.GroupKey,
            EventCount = events.Count,
            State = group.Status,
            NotifyAt = group.NotifyAt,
            CreatedAt = group.CreatedAt,
            Labels = group.Settings.Labels,
            Events = [.. events.Select(e => e.Payload)],
        });
    }

    public async Task<GroupFlushResult?> FlushNowAsync()
    {
        if (state.State.GroupId is null || (state.State.Ended && state.State.PendingFlush is null))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (state.State.PendingFlush is null && state.State.Events.Count > 0)
        {
            await state.UpdateAsync(current => (GroupFlushes.Flush(current, now), true));
        }

        var result = new GroupFlushResult(state.State.GroupId!, state.State.PendingFlush?.Events.Count ?? 0);
        await SendPendingAsync();
        await ScheduleAsync(now);
        return result;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderDue = null;
        var now = time.GetUtcNow();
        var group = state.State;
        if (group.GroupId is not null && group.PendingFlush is null && !group.Ended && group.NotifyAt <= now && group.Events.Count == 0)
        {
            // A persistent group with nothing left to re-send ends at its next due time.
            await state.UpdateAsync(current => (current with { Ended = true }, true));
        }
        else if (GroupFlushes.Due(group, now))
        {
            await state.UpdateAsync(current => GroupFlushes.Due(current, now) ? (GroupFlushes.Flush(current, now), true) : (null, false));
        }

        await SendPendingAsync();
        await ScheduleAsync(now);
    }

    /// <summary>Dispatches a stored flush through the pipeline, then clears it (and the group, if that was its last).</summary>
    private async Task SendPendingAsync()
    {
        if (state.State.PendingFlush is not { } flush)
        {
            return;
        }

        var group = state.State;
        var pipeline = services.GetRequiredService<DispatchPipeline>();
        await pipeline.DispatchAsync(Summary(group, flush), new DispatchContext { CallerId = "group", Notification = true }, CancellationToken.None);
        metrics.Flushed(flush.Events.Count);
        var cleared = await state.UpdateAsync(current => current.PendingFlush?.FlushId == flush.FlushId ? (current with { PendingFlush = null }, true) : (null, false));
        if (cleared)
        {
            // After the write that cleared this flush: once per successful send (a flush resent after a crash may publish again).
            var settings = group.Settings!;
            stream.Publish(StreamEvent.GroupFlushed(settings.Namespace, settings.Tenant, group.GroupId!, settings.GroupKey, flush.Events.Count));
        }
    }

    /// <summary>Keeps one reminder while the group lives, due at its next decision; removes it (and the group) at the end.</summary>
    private async Task ScheduleAsync(DateTimeOffset now)
    {
        var group = state.State;
        if (group.GroupId is null || (group.Ended && group.PendingFlush is null))
        {
            if (group.GroupId is not null)
            {
                var settings = group.Settings!;
                await state.ClearStateAsync();
                await Index(settings).RemoveAsync(settings.GroupKey);
                metrics.GroupEnded();
            }

            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderDue = null;
            this.DeactivateOnIdle();
            return;
        }

        var due = group.PendingFlush is null ? group.NotifyAt : now;
        if (_reminderDue != due)
        {
            var delay = due - now;
            await this.RegisterOrUpdateReminder(ReminderName, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, RetryPeriod);
            _reminderDue = due;
        }
    }

    private IGroupIndexGrain Index(GroupSettings settings) =>
        GrainFactory.GetGrain<IGroupIndexGrain>(VerdictHandler.ScopedKey(settings.Namespace, settings.Tenant, ""));

    private static GatewayAction Summary(GroupState group, PendingFlush flush)
    {
        var settings = group.Settings!;
        var payload = JsonSerializer.SerializeToElement(new GroupNotificationPayload
        {
            GroupId = group.GroupId!,
            GroupKey = settings.GroupKey,
            EventCount = flush.Events.Count,
            Events = [.. flush.Events.Select(e => e.Payload)],
            Labels = settings.Labels,
            FlushedAt = JsonTime.Format(flush.FlushedAt),
        }, GrainsJsonContext.Default.GroupNotificationPayload);
        return new GatewayAction
        {
            Id = flush.FlushId,
            Namespace = settings.Namespace,
            Tenant = settings.Tenant,
            Provider = settings.Provider,
            ActionType = NotificationType,
            Payload = payload,
            Labels = settings.Labels,
            CreatedAt = flush.FlushedAt,
        };
    }
}
