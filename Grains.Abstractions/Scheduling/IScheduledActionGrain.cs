using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Grains.Abstractions.Scheduling;

/// <summary>One per scheduled action: holds it durably and dispatches it through the pipeline when its reminder fires.</summary>
public interface IScheduledActionGrain : IGrainWithStringKey, IRemindable
{
    Task ScheduleAsync(GatewayAction action, DateTimeOffset dueAt);
}
