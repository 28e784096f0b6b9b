namespace Acteon.Grains.Cluster;

/// <summary>
/// Carries <see cref="ClusterBus"/> messages to every other node of the cluster (the PostgreSQL store's
/// LISTEN/NOTIFY). <see cref="Send"/> never blocks: a full outgoing queue drops the message and counts it.
/// </summary>
public interface IClusterTransport
{
    void Send(string topic, string payload);
}
