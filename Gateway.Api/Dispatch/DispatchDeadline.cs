using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Silo.Configuration;

namespace Acteon.Gateway.Api.Dispatch;

/// <summary>
/// No request waits past <c>[server] request_timeout_seconds</c>: a dispatch still running then (a silo it called
/// died, a provider hangs) is answered 503 while it goes on in the background, its audit record written when it ends,
/// as for a caller that hung up.
/// </summary>
public sealed class DispatchDeadline(ActeonConfig config)
{
    public TimeSpan Timeout { get; } = config.Server.RequestTimeout;

    /// <summary>A token cancelled at the deadline of a request that starts now (for a batch: one for all its elements).</summary>
    public CancellationTokenSource Start() => new(Timeout);

    /// <summary>The outcome of one dispatch that started now; a dispatch that already finished arms no timer.</summary>
    /// <exception cref="TimeoutException">The dispatch did not finish in time.</exception>
    public async Task<DispatchOutcome> WaitAsync(Task<DispatchOutcome> dispatch)
    {
        if (dispatch.IsCompleted)
        {
            return await dispatch;
        }

        try
        {
            return await dispatch.WaitAsync(Timeout);
        }
        catch (TimeoutException) when (!dispatch.IsCompleted)
        {
            throw TimedOut();
        }
    }

    /// <exception cref="TimeoutException">The dispatch did not finish in time.</exception>
    public async Task<DispatchOutcome> WaitAsync(Task<DispatchOutcome> dispatch, CancellationToken deadline)
    {
        try
        {
            return await dispatch.WaitAsync(deadline);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw TimedOut();
        }
    }

    private TimeoutException TimedOut() =>
        new($"the dispatch did not finish within [server] request_timeout_seconds ({Timeout.TotalSeconds:0} s); it may still complete");
}
