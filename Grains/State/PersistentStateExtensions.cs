using Orleans.Storage;

namespace Acteon.Grains.State;

internal static class PersistentStateExtensions
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Decides on the current state and writes the new one. A write that lost its compare-and-swap (another silo wrote
    /// first, or the record existed when this activation thought it did not) reloads the state and decides again, so
    /// the caller acts only on a decision that is stored. Any failed write puts the last stored state back: the
    /// activation must not go on serving a value that may never have been written.
    /// </summary>
    /// <param name="state">The grain state to update.</param>
    /// <param name="decide">The next state (null: nothing to write) and the answer to give once it is stored.</param>
    public static async Task<TResult> UpdateAsync<TState, TResult>(
        this IPersistentState<TState> state, Func<TState, (TState? Next, TResult Result)> decide)
        where TState : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var previous = state.State;
            var (next, result) = decide(previous);
            if (next is null)
            {
                return result;
            }

            state.State = next;
            try
            {
                await state.WriteStateAsync();
                return result;
            }
            catch (InconsistentStateException) when (attempt < MaxAttempts)
            {
                await state.ReadStateAsync();
            }
            catch
            {
                state.State = previous;
                throw;
            }
        }
    }
}
