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
/// An event fingerprint's lifecycle. Each transition is one durable write (state, history, timeout deadline); the
/// timeout's reminder fires the timeout transition, stored with its notification before that is dispatched.
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
    public const int MaxHistory = 100;

    /// <summary>How soon a timeout notification whose send did not finish is tried again.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(10);

    public async Task<TransitionResult> ApplyAsync(FingerprintCommand command)
    {
        var machine = Machine(command.StateMachine);
        var now = time.GetUtcNow();
        var before = state.State;
        var result = await state.UpdateAsync(current =>
        {
            var known = current.Fingerprint is not null;
            var from = known ? current.State : machine.InitialState;
            var target = command.TargetState ?? from;
            var seed = known ? current : new FingerprintState
            {
                Fingerprint = command.Fingerprint, Namespace = command.Namespace, Tenant = command.Tenant, StateMachine = machine.Name,
                State = from, ActionType = command.ActionType, Provider = command.Provider, UpdatedAt = now,
                TimeoutAt = machine.TimeoutIn(from) is { } timeout ? now + timeout.After : null,
            };
            if (target == from)
            {
                return (known ? null : seed, Result(command.Fingerprint, from, from, false));
            }

            if (machine.Find(from, target) is not { } transition)
            {
                return (known ? null : seed, Result(command.Fingerprint, from, from, false) with { Rejected = target, AllowedTargets = machine.AllowedFrom(from) });
            }

            var moved = Move(seed with { ActionType = command.ActionType, Provider = command.Provider }, machine, target, now, command.By);
            return (moved, Result(command.Fingerprint, from, target, transition.Notify));
        });
        await AfterChangeAsync(result, machine, command.By, !ReferenceEquals(before, state.State));
        return result;
    }

    public async Task<TransitionResult?> TransitionAsync(string toState, string by)
    {
        if (state.State.Fingerprint is not { } fingerprint)
        {
            return null;
        }

        var machine = Machine(state.State.StateMachine);
        var now = time.GetUtcNow();
        var before = state.State;
        var result = await state.UpdateAsync(current =>
        {
            if (toState == current.State)
            {
                return ((FingerprintState?)null, Result(fingerprint, current.State, current.State, false));
            }

            return machine.Find(current.State, toState) is { } transition
                ? (Move(current, machine, toState, now, by), Result(fingerprint, current.State, toState, transition.Notify))
                : (null, Result(fingerprint, current.State, current.State, false) with { Rejected = toState, AllowedTargets = machine.AllowedFrom(current.State) });
        });
        await AfterChangeAsync(result, machine, by, !ReferenceEquals(before, state.State));
        return result;
    }

    public Task<EventSnapshot?> GetAsync() =>
        Task.FromResult(state.State.Fingerprint is null ? null : new EventSnapshot(Summary(state.State), state.State.History));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var current = state.State;
        var now = time.GetUtcNow();
        if (current.Fingerprint is not null && current.PendingNotice is null && current.TimeoutAt is { } due && due <= now
            && Machine(current.StateMachine) is var machine && machine.TimeoutIn(current.State) is { } timeout)
        {
            var moved = await state.UpdateAsync(s => s.TimeoutAt is { } d && d <= now && s.PendingNotice is null
                ? (Move(s, machine, timeout.TransitionTo, now, "timeout") with
                {
                    PendingNotice = new TimeoutNotice { NoticeId = Guid.CreateVersion7(now).ToString(), PreviousState = s.State, NewState = timeout.TransitionTo, FiredAt = now },
                }, true)
                : (null, false));
            metrics.Transitioned(machine.Name, timeout.TransitionTo, "timeout");
            if (moved && state.State.PendingNotice is { } fired)
            {
                // After the write that moved the state by timeout.
                var after = state.State;
                stream.Publish(StreamEvent.Timeout(after.Namespace, after.Tenant, after.Fingerprint!, after.StateMachine, fired.PreviousState, fired.NewState));
            }

            await GrainFactory.GetGrain<IEventIndexGrain>(IndexKey()).UpsertAsync(Summary(state.State));
        }

        await SendNoticeAsync();
        await ScheduleAsync(now);
    }

    private async Task AfterChangeAsync(TransitionResult result, StateMachineDefinition machine, string by, bool written)
    {
        if (result.Rejected is not null)
        {
            metrics.Rejected(machine.Name);
        }
        else if (result.NewState != result.PreviousState)
        {
            metrics.Transitioned(machine.Name, result.NewState, by);
        }

        if (written)
        {
            await GrainFactory.GetGrain<IEventIndexGrain>(IndexKey()).UpsertAsync(Summary(state.State));
            await ScheduleAsync(time.GetUtcNow());
        }
    }

    private async Task SendNoticeAsync()
    {
        if (state.State.PendingNotice is not { } notice)
        {
            return;
        }

        var current = state.State;
        var payload = JsonSerializer.SerializeToElement(new TimeoutNotificationPayload
        {
            Fingerprint = current.Fingerprint!,
            StateMachine = current.StateMachine,
            PreviousState = notice.PreviousState,
            NewState = notice.NewState,
            FiredAt = JsonTime.Format(notice.FiredAt),
        }, GrainsJsonContext.Default.TimeoutNotificationPayload);
        var action = new GatewayAction
        {
            Id = notice.NoticeId, Namespace = current.Namespace, Tenant = current.Tenant, Provider = current.Provider,
            ActionType = NotificationType, Payload = payload, Fingerprint = current.Fingerprint, Status = notice.NewState, CreatedAt = notice.FiredAt,
        };
        await services.GetRequiredService<DispatchPipeline>().DispatchAsync(action, new DispatchContext { CallerId = "state_machine", Notification = true }, CancellationToken.None);
        await state.UpdateAsync(s => s.PendingNotice?.NoticeId == notice.NoticeId ? (s with { PendingNotice = null }, true) : (null, false));
    }

    /// <summary>One reminder while a timeout (or its notice) is outstanding, due at its deadline; none otherwise.</summary>
    private async Task ScheduleAsync(DateTimeOffset now)
    {
        var due = state.State.PendingNotice is not null ? now : state.State.TimeoutAt;
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
