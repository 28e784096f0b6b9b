using System.Collections.Concurrent;
using System.Text.Json;
using Acteon.Grains.Abstractions.CircuitBreakers;
using Acteon.Grains.Cluster;

namespace Acteon.Grains.CircuitBreakers;

/// <summary>
/// This node's copy of every breaker it has used: the newest snapshot (by version) of those its grains pushed through
/// the <see cref="ClusterBus"/> or answered. A closed breaker is decided from here, without a grain call.
/// </summary>
public sealed class CircuitBreakerCache
{
    public const string Topic = "breaker";

    private readonly ConcurrentDictionary<string, CircuitBreakerSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly ClusterBus _bus;

    public CircuitBreakerCache(ClusterBus bus)
    {
        _bus = bus;
        bus.Subscribe(Topic, payload => Apply(Parse(payload)));
        // Pushes sent while the transport was down are lost: forget everything and ask the grains again.
        bus.OnReconnected(_snapshots.Clear);
    }

    public CircuitBreakerSnapshot? Get(string provider) => _snapshots.GetValueOrDefault(provider);

    /// <summary>Keeps <paramref name="snapshot"/> unless a newer one is already here.</summary>
    public void Apply(CircuitBreakerSnapshot snapshot) =>
        _snapshots.AddOrUpdate(snapshot.Provider, snapshot, (_, held) => held.Version > snapshot.Version ? held : snapshot);

    /// <summary>The grain's push after a stored change: to this node and to every other node.</summary>
    public void Publish(CircuitBreakerSnapshot snapshot)
    {
        Apply(snapshot);
        _bus.SendToOthers(Topic, Format(snapshot));
    }

    public static string Format(CircuitBreakerSnapshot s)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("provider", s.Provider);
            writer.WriteNumber("state", (int)s.State);
            writer.WriteNumber("failures", s.ConsecutiveFailures);
            writer.WriteNumber("successes", s.ConsecutiveSuccesses);
            if (s.RetryAt is { } retryAt)
            {
                writer.WriteNumber("retry_at_ms", retryAt.ToUnixTimeMilliseconds());
            }

            writer.WriteNumber("version", s.Version);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static CircuitBreakerSnapshot Parse(string payload)
    {
        using var doc = JsonDocument.Parse(payload);
        var root = doc.RootElement;
        return new CircuitBreakerSnapshot(
            root.GetProperty("provider").GetString()!,
            (CircuitState)root.GetProperty("state").GetInt32(),
            root.GetProperty("failures").GetInt32(),
            root.GetProperty("successes").GetInt32(),
            root.TryGetProperty("retry_at_ms", out var retryAt) ? DateTimeOffset.FromUnixTimeMilliseconds(retryAt.GetInt64()) : null,
            root.GetProperty("version").GetInt64());
    }
}
