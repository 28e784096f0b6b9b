using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Recurring;

/// <summary>
/// One recurring action: definition and schedule in durable state, one reminder armed for the next occurrence.
/// Every change is stored before its effects (reminder, index, audit). A tick runs each due occurrence through
/// <see cref="OccurrenceRunner"/> and then records it; the next occurrence is computed from the one that ran, never
/// from the time the tick came, so a late tick does not drift the schedule.
/// </summary>
[GrainType(TypeName)]
internal sealed partial class RecurringActionGrain(
    [PersistentState("recurring", GrainStorage.Name)] IPersistentState<RecurringState> state,
    IServiceProvider services,
    IOptions<RecurringOptions> options,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time,
    ILogger<RecurringActionGrain> logger) : Grain, IRecurringActionGrain, IRemindable
{
    public const string TypeName = "recurring-action";
    public const string ReminderName = "occurrence";

    private readonly RecurringOptions _options = options.Value;

    private IRecurringIndex Index => services.GetRequiredService<IRecurringIndex>();

    private RecurringAudit Audit => services.GetRequiredService<RecurringAudit>();

    public async Task<RecurringReply> CreateAsync(RecurringDefinition definition)
    {
        var now = time.GetUtcNow();
        if (state.State.Definition is not null)
        {
            return RecurringReply.Conflict($"recurring action already exists: {definition.Id}");
        }

        // The index first: an entry whose grain has no state is skipped by listing, a grain missing from it would be invisible.
        await Index.UpsertAsync(definition.Namespace, definition.Tenant, definition.Id, now, CancellationToken.None);
        var created = await state.UpdateAsync(current => current.Definition is null
            ? (new RecurringState
            {
                Definition = definition, Enabled = true, CreatedAt = now, UpdatedAt = now,
                NextExecution = RecurringSchedule.NextAfter(definition, now, 0),
            }, true)
            : (null, false));
        if (!created)
        {
            return RecurringReply.Conflict($"recurring action already exists: {definition.Id}");
        }

        return await AfterChangeAsync(RecurringAudit.Create, now);
    }

    public Task<RecurringDetail?> GetAsync() => Task.FromResult(state.State.Definition is null ? null : state.State.ToDetail());

    public async Task<RecurringReply> UpdateAsync(RecurringPatch patch)
    {
        var now = time.GetUtcNow();
        var found = await state.UpdateAsync(current =>
        {
            if (current.Definition is not { } definition)
            {
                return (null, false);
            }

            var updated = patch.ApplyTo(definition);
            var next = current.Enabled ? RecurringSchedule.NextAfter(updated, now, current.ExecutionCount) : null;
            return (current with { Definition = updated, NextExecution = next, UpdatedAt = now }, true);
        });
        return found ? await AfterChangeAsync(RecurringAudit.Update, now) : RecurringReply.NotFound;
    }

    public async Task<bool> DeleteAsync()
    {
        if (state.State.Definition is not { } definition)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var deleted = state.State;
        await state.ClearStateAsync();
        state.State = new RecurringState();
        await DisarmAsync();
        await Index.DeleteAsync(definition.Namespace, definition.Tenant, definition.Id, CancellationToken.None);
        await Audit.WriteAsync(RecurringAudit.Delete, deleted, now);
        DeactivateOnIdle();
        return true;
    }

    public Task<RecurringReply> PauseAsync() => SetEnabledAsync(false, RecurringAudit.Pause, "recurring action is already paused");

    public Task<RecurringReply> ResumeAsync() => SetEnabledAsync(true, RecurringAudit.Resume, "recurring action is already active");

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await TickAsync();
        }
    }

    private async Task<RecurringReply> SetEnabledAsync(bool enabled, string operation, string conflict)
    {
        var now = time.GetUtcNow();
        var status = await state.UpdateAsync(current =>
        {
            if (current.Definition is not { } definition)
            {
                return (null, RecurringReplyStatus.NotFound);
            }

            if (current.Enabled == enabled)
            {
                return (null, RecurringReplyStatus.Conflict);
            }

            // Resume recomputes from now: what fell due while paused does not run.
            var next = enabled ? RecurringSchedule.NextAfter(definition, now, current.ExecutionCount) : null;
            return (current with { Enabled = enabled, NextExecution = next, UpdatedAt = now }, RecurringReplyStatus.Ok);
        });
        return status switch
        {
            RecurringReplyStatus.NotFound => RecurringReply.NotFound,
            RecurringReplyStatus.Conflict => RecurringReply.Conflict(conflict),
            _ => await AfterChangeAsync(operation, now),
        };
    }

    /// <summary>The effects of a stored change: the reminder follows the next occurrence, and the audit records the change.</summary>
    private async Task<RecurringReply> AfterChangeAsync(string operation, DateTimeOffset now)
    {
        await ArmAsync(now);
        await Audit.WriteAsync(operation, state.State, now);
        return RecurringReply.Ok(state.State.ToDetail());
    }

    private async Task TickAsync()
    {
        var runner = services.GetRequiredService<OccurrenceRunner>();
        while (true)
        {
            var current = state.State;
            var now = time.GetUtcNow();
            if (current.Definition is not { } definition || !current.Enabled || current.NextExecution is not { } due)
            {
                await DisarmAsync();
                return;
            }

            if (due > now)
            {
                // Early (or a duplicate tick of an occurrence already recorded): wait for the next one.
                await ArmAsync(now);
                return;
            }

            if (now - due <= _options.MissedAfter)
            {
                await RecordAsync(due, due, await runner.RunAsync(definition, due), missed: 0,
                    RecurringSchedule.NextAfter(definition, due, current.ExecutionCount + 1));
                continue;
            }

            var (latest, count, following) = RecurringSchedule.Missed(definition, due, now - _options.MissedAfter, current.ExecutionCount);
            if (definition.CatchUp == RecurringCatchUp.Last)
            {
                LogCatchingUp(logger, definition.Id, count, latest);
                var ended = definition.MaxExecutions is { } max && current.ExecutionCount + 1 >= max;
                await RecordAsync(due, latest, await runner.RunAsync(definition, latest), missed: count - 1, ended ? null : following);
                continue;
            }

            LogSkippingMissed(logger, definition.Id, count, due, latest);
            await state.UpdateAsync(s => s.NextExecution == due
                ? (s with { NextExecution = following, MissedCount = s.MissedCount + count }, 0)
                : (null, 0));
        }
    }

    /// <summary>Records that <paramref name="occurrence"/> ran, unless another activation recorded <paramref name="due"/> first.</summary>
    private Task<int> RecordAsync(DateTimeOffset due, DateTimeOffset occurrence, DateTimeOffset executedAt, long missed, DateTimeOffset? next) =>
        state.UpdateAsync(s => s.NextExecution == due && s.Definition is not null
            ? (s with
            {
                NextExecution = next, ExecutionCount = s.ExecutionCount + 1, LastExecutedAt = executedAt,
                LastOccurrence = occurrence, MissedCount = s.MissedCount + missed,
            }, 0)
            : (null, 0));

    private async Task ArmAsync(DateTimeOffset now)
    {
        if (state.State is { Enabled: true, NextExecution: { } next })
        {
            var dueIn = next - now;
            await this.RegisterOrUpdateReminder(ReminderName, dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, _options.RetryPeriod);
            return;
        }

        await DisarmAsync();
    }

    private async Task DisarmAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recurring action {Id}: {Count} missed occurrences (from {First} to {Latest}) are skipped (catch_up = \"none\")")]
    private static partial void LogSkippingMissed(ILogger logger, string id, long count, DateTimeOffset first, DateTimeOffset latest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recurring action {Id}: {Count} missed occurrences; the latest ({Latest}) runs once (catch_up = \"last\")")]
    private static partial void LogCatchingUp(ILogger logger, string id, long count, DateTimeOffset latest);
}
