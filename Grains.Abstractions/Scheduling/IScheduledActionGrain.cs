using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Abstractions.Scheduling;

/// <summary>One per scheduled action: holds it durably and dispatches it through the pipeline when its reminder fires.</summary>
[Alias("acteon.scheduled-action")]
public interface IScheduledActionGrain : IGrainWithStringKey
{
    [Alias("ScheduleAsync")]
    Task ScheduleAsync(GatewayAction action, DateTimeOffset dueAt);
}
