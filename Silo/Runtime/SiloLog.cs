using Acteon.Grains.Abstractions.Runtime;
using Microsoft.Extensions.Logging;

namespace Acteon.Silo.Runtime;

internal sealed partial class SiloLog(ILogger<SiloLog> logger)
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer of {GrainId} failed")]
    private static partial void LogTimerFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deactivation of {GrainId} failed")]
    private static partial void LogDeactivationFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Name} of {GrainId} failed; it fires again when its lease runs out")]
    private static partial void LogReminderFailed(ILogger logger, GrainId grainId, string name, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Loop} failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, string loop, Exception error);

    public void TimerFailed(GrainId grainId, Exception error) => LogTimerFailed(logger, grainId, error);

    public void DeactivationFailed(GrainId grainId, Exception error) => LogDeactivationFailed(logger, grainId, error);

    public void ReminderFailed(GrainId grainId, string name, Exception error) => LogReminderFailed(logger, grainId, name, error);

    public void LoopFailed(string loop, Exception error) => LogLoopFailed(logger, loop, error);
}
