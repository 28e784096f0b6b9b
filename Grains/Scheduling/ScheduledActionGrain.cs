using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Scheduling;
using Acteon.Grains.Dispatch;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.Scheduling;

/// <summary>
/// Holds a scheduled action in durable state and dispatches it through the pipeline when its reminder fires. The
/// reminder repeats every <see cref="RetryPeriod"/> until the dispatch is done: state and reminder are removed only
/// after it, so a silo that dies in between leaves the reminder to fire on another silo (at least once).
/// </summary>
[GrainType(TypeName)]
internal sealed class ScheduledActionGrain(
    [PersistentState("scheduled", GrainStorage.Name)] IPersistentState<ScheduledActionState> state,
    IServiceProvider services,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IScheduledActionGrain, IRemindable
{
    public const string TypeName = "scheduled-action";
    public const string ReminderName = "dispatch";

    /// <summary>How soon a due action whose dispatch did not finish is tried again.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(10);

    public async Task ScheduleAsync(GatewayAction action, DateTimeOffset dueAt)
    {
        state.State = new ScheduledActionState { Action = action, DueAt = dueAt };
        await state.WriteStateAsync();
        var delay = dueAt - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(ReminderName, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, RetryPeriod);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Action is { } action)
        {
            var pipeline = services.GetRequiredService<DispatchPipeline>();
            await pipeline.DispatchAsync(action, new DispatchContext { Scheduled = true, CallerId = "scheduler" }, CancellationToken.None);
            await state.ClearStateAsync();
        }

        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        this.DeactivateOnIdle();
    }
}
