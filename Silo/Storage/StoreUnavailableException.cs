namespace Acteon.Silo.Storage;

/// <summary>
/// The shared state store cannot be reached (connection refused, lost or timed out). The operation may be retried
/// once the store is back; the gateway answers 503.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
