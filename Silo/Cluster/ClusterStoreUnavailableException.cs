namespace Acteon.Silo.Cluster;

/// <summary>The cluster membership store that <c>[cluster]</c> names (Redis) cannot be reached at start-up (exit code 4).</summary>
public sealed class ClusterStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
