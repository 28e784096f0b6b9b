namespace Acteon.Grains.Threading;

/// <summary>A one-slot <see cref="SemaphoreSlim"/> used as a wake-up signal for a background loop.</summary>
public static class SemaphoreSignal
{
    /// <summary>Releases the semaphore unless a signal is already pending: one wake-up covers everything since.</summary>
    public static void Signal(this SemaphoreSlim semaphore)
    {
        if (semaphore.CurrentCount > 0)
        {
            return;
        }

        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another thread signalled in between; one pending signal is enough.
        }
    }
}
