namespace Acteon.Silo.Tests.Support;

/// <summary>What <see cref="ManualTimeProvider.AdvanceToNextTimer"/> did.</summary>
internal enum TimerStep
{
    /// <summary>Moved time to the earliest timer due by the limit and fired it.</summary>
    Fired,

    /// <summary>No timer is pending: time stands still.</summary>
    NoTimer,

    /// <summary>Timers are pending, all due after the limit: time stands still.</summary>
    NextAfterLimit,
}
