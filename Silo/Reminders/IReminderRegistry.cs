using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Reminders;

internal interface IReminderRegistry
{
    Task RegisterAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken);

    Task UnregisterAsync(GrainId grainId, string name, CancellationToken cancellationToken);
}
