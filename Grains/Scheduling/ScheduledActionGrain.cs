using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Runtime;
using Acteon.Grains.Abstractions.Scheduling;
using Acteon.Grains.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.Scheduling;

/// <summary>
/// Holds a scheduled action in durable state and dispatches it through the pipeline when its reminder fires.
/// The state is cleared only after the dispatch, so a crash in between dispatches it again (at least once).
/// </summary>
internal sealed class ScheduledActionGrain(
    [PersistentState("scheduled")] IPersistentState<ScheduledActionState> state,
    IServiceProvider services,
    TimeProvider time) : Grain, IScheduledActionGrain
{
    public const string TypeName = "scheduled-action";
    private const string ReminderName = "dispatch";

    public async Task ScheduleAsync(GatewayAction action, DateTimeOffset dueAt)
    {
        state.State = new ScheduledActionState { Action = action, DueAt = dueAt };
        await state.WriteStateAsync();
        var delay = dueAt - time.GetUtcNow();
        await Context.RegisterOrUpdateReminder(ReminderName, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, TimeSpan.Zero);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Action is not { } action)
        {
            return;
        }

        var pipeline = services.GetRequiredService<DispatchPipeline>();
        await pipeline.DispatchAsync(action, new DispatchContext { Scheduled = true, CallerId = "scheduler" }, CancellationToken.None);
        await state.ClearStateAsync();
        Context.DeactivateOnIdle();
    }
}
