namespace Acteon.Grains.State;

/// <summary>
/// One grain's reminder that wakes it when something is due, at most <c>interval</c> apart (so a driven clock, or a
/// clock that drifted, is looked at again soon). The reminder table is written only when the wake changes: a
/// periodic tick that finds nothing due yet costs no write.
/// </summary>
internal sealed class ReminderWake
{
    private TimeSpan? _period;
    private DateTimeOffset? _exactAt;
    private bool _stopped;

    /// <param name="grain">The grain whose reminder this is.</param>
    /// <param name="name">The reminder's name.</param>
    /// <param name="due">How long until <paramref name="at"/>.</param>
    /// <param name="at">When the next thing is due.</param>
    /// <param name="interval">The reminder's period.</param>
    public async Task SetAsync(Grain grain, string name, TimeSpan due, DateTimeOffset at, TimeSpan interval)
    {
        if (_period == interval && (due >= interval || _exactAt == at))
        {
            // The periodic tick comes back before it is due, or a tick at that very moment is already set.
            return;
        }

        await grain.RegisterOrUpdateReminder(name, due < TimeSpan.Zero ? TimeSpan.Zero : due > interval ? interval : due, interval);
        (_period, _exactAt, _stopped) = (interval, due < interval ? at : null, false);
    }

    public async Task StopAsync(Grain grain, string name)
    {
        if (_stopped)
        {
            return;
        }

        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        (_period, _exactAt, _stopped) = (null, null, true);
    }
}
