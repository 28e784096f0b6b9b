using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

/// <summary>
/// A grain call. A call whose state write lost a compare-and-swap is retried after the state is reloaded,
/// so it decides again on what the winner wrote.
/// </summary>
internal sealed class CallWorkItem<T>(Func<object, Task<T>> call, int maxConflictRetries) : WorkItem
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    public override async Task RunAsync(Activation activation)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                _completion.TrySetResult(await call(activation.Grain));
                return;
            }
            catch (InconsistentStateException) when (attempt < maxConflictRetries)
            {
                if (!await TryReloadAsync(activation))
                {
                    return;
                }
            }
            catch (InconsistentStateException error)
            {
                // Out of retries: the activation must not keep (and serve) state that never committed.
                if (await TryReloadAsync(activation))
                {
                    _completion.TrySetException(error);
                }

                return;
            }
            catch (Exception error)
            {
                _completion.TrySetException(error);
                return;
            }
        }
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);

    private async Task<bool> TryReloadAsync(Activation activation)
    {
        try
        {
            await activation.ReloadStatesAsync();
            return true;
        }
        catch (Exception error)
        {
            _completion.TrySetException(error);
            return false;
        }
    }
}
