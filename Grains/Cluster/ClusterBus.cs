using System.Collections.Concurrent;

namespace Acteon.Grains.Cluster;

/// <summary>
/// This node's end of the cluster-wide fan-out: stream events and circuit-breaker snapshots go to the other nodes
/// through the one <see cref="IClusterTransport"/> (none on a single embedded node), and what they send is handed to
/// the handler of its topic here. Senders deliver to their own node themselves.
/// </summary>
public sealed class ClusterBus(IEnumerable<IClusterTransport> transports)
{
    private readonly IClusterTransport? _transport = transports.LastOrDefault();
    private readonly ConcurrentDictionary<string, Action<string>> _handlers = new(StringComparer.Ordinal);
    private readonly List<Action> _reconnected = [];

    public void Subscribe(string topic, Action<string> handler) => _handlers[topic] = handler;

    /// <summary>Called after the transport (re)connected: messages sent meanwhile may be lost, so caches refresh.</summary>
    public void OnReconnected(Action handler)
    {
        lock (_reconnected)
        {
            _reconnected.Add(handler);
        }
    }

    public void SendToOthers(string topic, string payload) => _transport?.Send(topic, payload);

    /// <summary>A message from another node (the transport calls this).</summary>
    public void Deliver(string topic, string payload)
    {
        if (_handlers.TryGetValue(topic, out var handler))
        {
            handler(payload);
        }
    }

    public void Reconnected()
    {
        Action[] handlers;
        lock (_reconnected)
        {
            handlers = [.. _reconnected];
        }

        foreach (var handler in handlers)
        {
            handler();
        }
    }
}
