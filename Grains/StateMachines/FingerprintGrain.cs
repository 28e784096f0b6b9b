using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.StateMachines;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Dispatch;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.StateMachines;

/// <summary>
/// An event fingerprint's lifecycle. Each transition is one durable write (state, history, timeout deadline, and the
/// notification it decides: a <c>notify</c> transition's action, a timeout's <c>timeout_notification</c>); the grain
/// sends stored notifications through the pipeline after that write and clears them after. A reminder is armed before
/// such a write, so a node that dies before the send leaves it to the reminder (on any node).
/// </summary>
[GrainType(TypeName)]
internal sealed class FingerprintGrain(
    [PersistentState("fingerprint", GrainStorage.Name)] IPersistentState<FingerprintState> state,
    IOptions<StateMachineOptions> options,
    IServiceProvider services,
    StateMachineMetrics metrics,
    IStreamEventPublisher stream,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IFingerprintGrain, IRemindable
{
    public const string TypeName = "fingerprint";
    public const string ReminderName = "timeout";
    public const string NotificationType = "timeout_notification";
    public const string TransitionNotificationType = "transition_notification";
    public const int MaxHistory = 100;

    /// <summary>How soon a notification whose send did not finish is tried again.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(10);

    public async Task<TransitionResult> ApplyAsync(FingerprintCommand command)
    {
        var machine = Machine(command.StateMachine);
        await SendNoticesAsync();
        return await DecideAsync(machine, command.By, current =>
        {
            var known = current.Fingerprint is not null;
            var from = known ? current.State : machine.InitialState;
            var seed = known ? current : new FingerprintState
            {
                Fingerprint = command.Fingerprint, Namespace = command.Namespace, Tenant = command.Tenant, StateMachine = machine.Name,
                State = from, ActionType = command.ActionType, Provider = command.Provider, UpdatedAt = time.GetUtcNow(),
                TimeoutAt = machine.TimeoutIn(from) is { } timeout ? time.GetUtcNow() + timeout.After : null,
            };
            var decided = Decide(seed with { ActionType = command.ActionType, Provider = command.Provider }, machine, command.TargetState ?? from, command.By,
                _ => command.Action with { Fingerprint = command.Fingerprint, DedupKey = null });
            return (decided.Next ?? (known ? null : seed), decided.Result);
        });
    }

    public async Task<TransitionResult?> TransitionAsync(string toState, string by)
    {
        if (state.State.Fingerprint is null)
        {
            return null;
        }

        var machine = Machine(state.State.StateMachine);
        await SendNoticesAsync();
        return await DecideAsync(machine, by, current => Decide(current, machine, toState, by, moved => TransitionNotification(current, moved, by)));
    }

    public Task<EventSnapshot?> GetAsync() =>
        Task.FromResult(state.State.Fingerprint is null ? null : new EventSnapshot(Summary(state.State), state.State.History));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var current = state.State;
        var now = time.GetUtcNow();
        if (current.Fingerprint is not null && current.TimeoutAt is { } due && due <= now
            && Machine(current.StateMachine) is var machine && machine.TimeoutIn(current.State) is { } timeout)
        {
            var moved = await state.UpdateAsync(s => s.TimeoutAt is { } d && d <= now
                ? (Move(s, machine, timeout.TransitionTo, now, "timeout") with { PendingNotices = [.. s.PendingNotices, Notice(TimeoutNotification(s, timeout.TransitionTo, now))] }, true)
                : (null, false));
            if (moved)
            {
                // After the write that moved the state by timeout.
                metrics.Transitioned(machine.Name, timeout.TransitionTo, "timeout");
                var after = state.State;
                stream.Publish(StreamEvent.Timeout(after.Namespace, after.Tenant, after.Fingerprint!, after.StateMachine, current.State, timeout.TransitionTo));
                await GrainFactory.Reference<IEventIndexGrain>(IndexKey()).UpsertAsync(Summary(state.State));
            }
        }

        await SendNoticesAsync();
        await ScheduleAsync(now);
    }

    /// <summary>
    /// Stores what <paramref name="decide"/> makes of the current state; when that will hold a notification, the
    /// retry reminder is armed first. Then: metrics, the index, the notifications sent, the reminder set for what is left.
    /// </summary>
    private async Task<TransitionResult> DecideAsync(StateMachineDefinition machine, string by, Func<FingerprintState, (FingerprintState? Next, TransitionResult Result)> decide)
    {
        var before = state.State;
        if (decide(before).Next is { } planned && planned.PendingNotices.Count > before.PendingNotices.Count)
        {
            await this.RegisterOrUpdateReminder(ReminderName, RetryPeriod, RetryPeriod);
        }

        var result = await state.UpdateAsync(decide);
        if (result.Rejected is not null)
        {
            metrics.Rejected(machine.Name);
        }
        else if (result.NewState != result.PreviousState)
        {
            metrics.Transitioned(machine.Name, result.NewState, by);
        }

        if (!ReferenceEquals(before, state.State))
        {
            await GrainFactory.Reference<IEventIndexGrain>(IndexKey()).UpsertAsync(Summary(state.State));
            await SendNoticesAsync();
            await ScheduleAsync(time.GetUtcNow());
        }

        return result;
    }

    /// <summary>
    /// A move to <paramref name="target"/> as the machine allows it (null next state: nothing to store); a <c>notify</c>
    /// transition stores the notification <paramref name="notice"/> makes of the moved state, in the same write.
    /// </summary>
    private (FingerprintState? Next, TransitionResult Result) Decide(
        FingerprintState current, StateMachineDefinition machine, string target, string by, Func<FingerprintState, GatewayAction> notice)
    {
        var fingerprint = current.Fingerprint!;
        if (target == current.State)
        {
            return (null, Result(fingerprint, current.State, current.State, false));
        }

        if (machine.Find(current.State, target) is not { } transition)
        {
            return (null, Result(fingerprint, current.State, current.State, false) with { Rejected = target, AllowedTargets = machine.AllowedFrom(current.State) });
        }

        var moved = Move(current, machine, target, time.GetUtcNow(), by);
        if (transition.Notify)
        {
            moved = moved with { PendingNotices = [.. moved.PendingNotices, Notice(notice(moved))] };
        }

        return (moved, Result(fingerprint, current.State, target, transition.Notify));
    }

    /// <summary>Dispatches the stored notifications through the pipeline (in order), then clears those sent in one write.</summary>
    private async Task SendNoticesAsync()
    {
        var notices = state.State.PendingNotices;
        if (notices.Count == 0)
        {
            return;
        }

        var pipeline = services.GetRequiredService<DispatchPipeline>();
        foreach (var notice in notices)
        {
            await pipeline.DispatchAsync(notice.Action, new DispatchContext { CallerId = "state_machine", Notification = true }, CancellationToken.None);
        }

        var sent = notices.Select(n => n.NoticeId).ToHashSet(StringComparer.Ordinal);
        await state.UpdateAsync(s => s.PendingNotices.Any(n => sent.Contains(n.NoticeId))
            ? (s with { PendingNotices = [.. s.PendingNotices.Where(n => !sent.Contains(n.NoticeId))] }, true)
            : (null, false));
    }

    /// <summary>One reminder while a timeout (or a notification) is outstanding, due at its deadline; none otherwise.</summary>
    private async Task ScheduleAsync(DateTimeOffset now)
    {
        var due = state.State.PendingNotices.Count > 0 ? now + RetryPeriod : state.State.TimeoutAt;
        if (due is { } at)
        {
            var delay = at - now;
            await this.RegisterOrUpdateReminder(ReminderName, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, RetryPeriod);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private StateNotice Notice(GatewayAction action) => new() { NoticeId = Guid.CreateVersion7(time.GetUtcNow()).ToString(), Action = action };

    private static GatewayAction TimeoutNotification(FingerprintState current, string to, DateTimeOffset now)
    {
        var payload = JsonSerializer.SerializeToElement(new TimeoutNotificationPayload
        {
            Fingerprint = current.Fingerprint!, StateMachine = current.StateMachine, PreviousState = current.State, NewState = to, FiredAt = JsonTime.Format(now),
        }, GrainsJsonContext.Default.TimeoutNotificationPayload);
        return Notification(current, NotificationType, payload, to, now);
    }

    private static GatewayAction TransitionNotification(FingerprintState current, FingerprintState moved, string by)
    {
        var payload = JsonSerializer.SerializeToElement(new TransitionNotificationPayload
        {
            Fingerprint = current.Fingerprint!, StateMachine = current.StateMachine, PreviousState = current.State, NewState = moved.State, By = by,
            TransitionedAt = JsonTime.Format(moved.UpdatedAt),
        }, GrainsJsonContext.Default.TransitionNotificationPayload);
        return Notification(current, TransitionNotificationType, payload, moved.State, moved.UpdatedAt);
    }

    /// <summary>A notification of the fingerprint, to the provider of the action that last moved it, in its namespace and tenant.</summary>
    private static GatewayAction Notification(FingerprintState current, string actionType, JsonElement payload, string status, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at).ToString(), Namespace = current.Namespace, Tenant = current.Tenant, Provider = current.Provider,
        ActionType = actionType, Payload = payload, Fingerprint = current.Fingerprint, Status = status, CreatedAt = at,
    };

    private static FingerprintState Move(FingerprintState current, StateMachineDefinition machine, string to, DateTimeOffset now, string by)
    {
        var history = current.History.Count >= MaxHistory ? current.History.Skip(current.History.Count - MaxHistory + 1) : current.History;
        return current with
        {
            State = to,
            UpdatedAt = now,
            History = [.. history, new EventTransition(current.State, to, now, by)],
            TimeoutAt = machine.TimeoutIn(to) is { } timeout ? now + timeout.After : null,
        };
    }

    private static TransitionResult Result(string fingerprint, string from, string to, bool notify) =>
        new() { Fingerprint = fingerprint, PreviousState = from, NewState = to, Notify = notify };

    private static EventSummary Summary(FingerprintState s) => new()
    {
        Fingerprint = s.Fingerprint!, State = s.State, StateMachine = s.StateMachine, ActionType = s.ActionType, UpdatedAt = s.UpdatedAt,
    };

    private string IndexKey() => VerdictHandler.ScopedKey(state.State.Namespace, state.State.Tenant, "");

    private StateMachineDefinition Machine(string name) => options.Value.Machines.TryGetValue(name, out var machine)
        ? machine
        : throw new InvalidOperationException($"state machine '{name}' is not configured on this silo ([[state_machines]] in acteon.toml)");
}
