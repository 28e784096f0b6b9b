using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Dispatch;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Storage;

namespace Acteon.Grains.Groups;

/// <summary>
/// A group of events. Its header (timing, status, a decided flush) is its grain state; the events it took since its
/// last flush are rows of its log (<see cref="IGroupEventLog"/>), so an add writes only its events (and the header only
/// when that changes: a new group, a notified group pending again, a full group's flush). The grain holds the events in
/// memory, read from its log when it activates. A flush is stored as a <see cref="PendingFlush"/> (with its events)
/// before its summary action is dispatched through the pipeline and cleared after, so a node that dies in between
/// leaves the reminder to send the same flush (same action id) from another node. Placed on the node that took the
/// group's first event.
/// </summary>
[GrainType(TypeName), PreferLocalPlacement]
internal sealed class GroupGrain(
    [PersistentState("group", GrainStorage.Name)] IPersistentState<GroupState> state,
    IGroupEventLog log,
    IGroupIndex index,
    IServiceProvider services,
    GroupMetrics metrics,
    IStreamEventPublisher stream,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IGroupGrain, IRemindable
{
    public const string TypeName = "group";
    public const string ReminderName = "flush";
    public const string NotificationType = "group_notification";
    public const int MaxIdleFlushes = 3;
    private const int MaxAttempts = 5;

    /// <summary>How soon a flush whose send did not finish is tried again.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(10);

    private DateTimeOffset? _reminderDue;

    /// <summary>The group's events, as its header and log hold them (replayed in order, fingerprints replacing).</summary>
    private List<GroupedEvent> _events = [];

    private long _nextSeq;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadEventsAsync();

    public async Task<IReadOnlyList<GroupAddResult>> AddAsync(IReadOnlyList<GroupedEvent> groupedEvents, GroupSettings settings)
    {
        var results = new List<GroupAddResult>(groupedEvents.Count);
        for (var attempt = 1; results.Count < groupedEvents.Count; attempt++)
        {
            // A stored flush goes first (one left by a node that died before sending it, or one a full group made):
            // new events must not overwrite it.
            await SendPendingAsync();
            var now = time.GetUtcNow();
            var before = state.State;
            var started = before.GroupId is null || before.Ended;
            var group = started ? GroupFlushes.Start(settings, now) : before;
            var events = started ? [] : new List<GroupedEvent>(_events);
            var rows = new List<GroupEventRecord>();
            var added = new List<GroupAddResult>();
            for (var i = results.Count; i < groupedEvents.Count && group.PendingFlush is null; i++)
            {
                group = GroupFlushes.Add(group, events, groupedEvents[i], now);
                rows.Add(new GroupEventRecord(Guid.CreateVersion7(now).ToString(), _nextSeq + rows.Count, Serialize(groupedEvents[i])));
                if (GroupFlushes.Full(group, events.Count))
                {
                    // The flush carries the events of this call: their rows need not be written.
                    (group, events) = GroupFlushes.Flush(group, events, now, full: true);
                    rows.Clear();
                    added.Add(new GroupAddResult(group.GroupId!, group.PendingFlush!.Events.Count, now));
                }
                else
                {
                    added.Add(new GroupAddResult(group.GroupId!, events.Count, group.NotifyAt));
                }
            }

            try
            {
                // The header first: it names the log the rows go to (a new group's, or a new one after a flush).
                await WriteAsync(before, group);
                if (started && ReferenceEquals(state.State, group))
                {
                    metrics.GroupStarted();
                    await index.AddAsync(group.Settings!.Namespace, group.Settings.Tenant, group.Settings.GroupKey, CancellationToken.None);
                }

                if (rows.Count > 0)
                {
                    await log.AppendAsync(Key, group.LogId, rows, CancellationToken.None);
                }
            }
            catch (InconsistentStateException) when (attempt < MaxAttempts)
            {
                // Another activation wrote first: decide again on what is stored.
                await state.ReadStateAsync();
                await LoadEventsAsync();
                continue;
            }

            _events = events;
            _nextSeq += rows.Count;
            results.AddRange(added);
            if (started && before.GroupId is not null)
            {
                // A group that ended without its state cleared: its old logs go.
                await log.DeleteAsync(Key, group.LogId, CancellationToken.None);
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

        IReadOnlyList<GroupedEvent> events = _events.Count == 0 && group.PendingFlush is { } pending ? pending.Events : _events;
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
        if (state.State.PendingFlush is null && _events.Count > 0)
        {
            await FlushAsync(now);
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
        if (group.GroupId is not null && group.PendingFlush is null && !group.Ended && group.NotifyAt <= now && _events.Count == 0)
        {
            // A persistent group with nothing left to re-send ends at its next due time.
            await WriteAsync(group, group with { Ended = true });
        }
        else if (GroupFlushes.Due(group, _events.Count, now))
        {
            await FlushAsync(now);
        }

        await SendPendingAsync();
        await ScheduleAsync(now);
    }

    private async Task FlushAsync(DateTimeOffset now)
    {
        var (flushed, kept) = GroupFlushes.Flush(state.State, _events, now);
        await WriteAsync(state.State, flushed);
        _events = kept;
        _nextSeq = 0;
    }

    /// <summary>Stores <paramref name="next"/> unless it is <paramref name="current"/>; a failed write keeps the stored state.</summary>
    private async Task WriteAsync(GroupState current, GroupState next)
    {
        if (ReferenceEquals(current, next))
        {
            return;
        }

        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = current;
            throw;
        }
    }

    /// <summary>The events of the header and of its log, replayed in order (an event replaces one with its fingerprint).</summary>
    private async Task LoadEventsAsync()
    {
        var group = state.State;
        var events = new List<GroupedEvent>();
        _nextSeq = 0;
        if (group.GroupId is not null && !group.Ended)
        {
            foreach (var held in group.Events)
            {
                GroupFlushes.Add(group, events, held, group.CreatedAt);
            }

            foreach (var record in await log.ReadAsync(Key, group.LogId, CancellationToken.None))
            {
                GroupFlushes.Add(group, events, Deserialize(record.Data), group.CreatedAt);
                _nextSeq = Math.Max(_nextSeq, record.Seq + 1);
            }
        }

        _events = events;
    }

    private static byte[] Serialize(GroupedEvent groupedEvent) => JsonSerializer.SerializeToUtf8Bytes(groupedEvent, GrainsJsonContext.Default.GroupedEvent);

    private static GroupedEvent Deserialize(byte[] data) => JsonSerializer.Deserialize(data, GrainsJsonContext.Default.GroupedEvent)!;

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

        if (!state.State.Ended)
        {
            // The flush started a new log: the rows of the old one are dead (and, after a crash, may be left to here).
            await log.DeleteAsync(Key, state.State.LogId, CancellationToken.None);
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
                await log.DeleteAsync(Key, null, CancellationToken.None);
                await index.RemoveAsync(settings.Namespace, settings.Tenant, settings.GroupKey, CancellationToken.None);
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
