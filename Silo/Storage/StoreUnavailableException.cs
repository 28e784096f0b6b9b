namespace Acteon.Silo.Storage;

/// <summary>
/// The shared state store cannot be reached (connection refused, lost or timed out). The operation may be retried
/// once the store is back; the gateway answers 503. An Orleans exception, so that it reaches a caller on another silo
/// as itself.
/// </summary>
[GenerateSerializer, Alias("acteon.store-unavailable")]
public sealed class StoreUnavailableException : OrleansException
{
    public StoreUnavailableException(string message, Exception? inner = null)
        : base(message, inner!)
    {
    }

    /// <summary><paramref name="error"/> itself or the exception it wraps (Orleans wraps failures of its start-up and of grain activation).</summary>
    public static StoreUnavailableException? FindIn(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is StoreUnavailableException found)
            {
                return found;
            }
        }

        return null;
    }
}
