namespace Acteon.Silo.Runtime;

internal sealed class TimerWorkItem(Func<CancellationToken, Task> callback, Action<Exception> onError) : WorkItem
{
    public override async Task RunAsync(Activation activation)
    {
        try
        {
            await callback(CancellationToken.None);
        }
        catch (Exception error)
        {
            onError(error);
        }
    }

    // A tick queued on an activation that closed is simply not run: timers die with their activation.
    public override void Fail(Exception error)
    {
    }
}
