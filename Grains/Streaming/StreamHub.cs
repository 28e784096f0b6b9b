using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Streaming;

/// <summary>
/// This node's stream: events published here and those other nodes send (through the <see cref="ClusterBus"/>) go to
/// the local clients' queues and to a bounded ring kept for <c>Last-Event-ID</c> resume.
/// </summary>
public sealed partial class StreamHub : IStreamEventPublisher
{
    public const string Topic = "stream";

    private readonly StreamOptions _options;
    private readonly ClusterBus _bus;
    private readonly TimeProvider _time;
    private readonly ILogger<StreamHub> _logger;
    private readonly Lock _gate = new();
    private readonly StreamEntry?[] _ring;
    private readonly List<StreamSubscription> _subscribers = [];
    private long _appended;
    private long _skipped;

    public StreamHub(IOptions<StreamOptions> options, ClusterBus bus, [FromKeyedServices(GatewayClock.Key)] TimeProvider time, ILogger<StreamHub> logger)
    {
        (_options, _bus, _time, _logger) = (options.Value, bus, time, logger);
        _ring = new StreamEntry?[Math.Max(1, _options.ReplayBufferSize)];
        bus.Subscribe(Topic, Receive);
    }

    public bool Enabled => _options.Enabled;

    /// <summary>Events skipped for slow clients on this node since start.</summary>
    public long SkippedEvents => Interlocked.Read(ref _skipped);

    public void Publish(StreamEvent streamEvent)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            var now = _time.GetUtcNow();
            var entry = StreamEventJson.Render(streamEvent, Guid.CreateVersion7(now).ToString(), now);
            Append(entry);
            _bus.SendToOthers(Topic, entry.Json);
        }
        catch (Exception error)
        {
            LogPublishFailed(_logger, streamEvent.Type, error);
        }
    }

    /// <summary>
    /// A new client's queue, filled first with the buffered events after <paramref name="lastEventId"/> (when given)
    /// that pass <paramref name="filter"/>. An id this node no longer holds replays every buffered event newer than it
    /// (ids are UUIDv7, ordered by time) and marks the gap.
    /// </summary>
    public StreamSubscription Subscribe(StreamFilter filter, string? lastEventId)
    {
        var subscription = new StreamSubscription(this, filter, Math.Max(1, _options.ClientBufferSize) + (lastEventId is null ? 0 : _ring.Length));
        lock (_gate)
        {
            if (lastEventId is not null)
            {
                Replay(subscription, lastEventId);
            }

            _subscribers.Add(subscription);
        }

        return subscription;
    }

    internal void Remove(StreamSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    internal void CountSkipped() => Interlocked.Increment(ref _skipped);

    private void Receive(string json)
    {
        if (_options.Enabled)
        {
            Append(StreamEventJson.Parse(json));
        }
    }

    private void Append(StreamEntry entry)
    {
        lock (_gate)
        {
            _ring[_appended % _ring.Length] = entry;
            _appended++;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(entry);
            }
        }
    }

    private void Replay(StreamSubscription subscription, string lastEventId)
    {
        var count = (int)Math.Min(_appended, _ring.Length);
        var first = _appended - count;
        var start = -1L;
        for (var i = first; i < _appended; i++)
        {
            if (string.Equals(_ring[i % _ring.Length]!.Id, lastEventId, StringComparison.OrdinalIgnoreCase))
            {
                start = i + 1;
                break;
            }
        }

        if (start < 0)
        {
            subscription.ResumeGap = true;
        }

        for (var i = start < 0 ? first : start; i < _appended; i++)
        {
            var entry = _ring[i % _ring.Length]!;
            if (start >= 0 || string.Compare(entry.Id, lastEventId, StringComparison.OrdinalIgnoreCase) > 0)
            {
                subscription.Offer(entry);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A stream event of type '{Type}' could not be published")]
    private static partial void LogPublishFailed(ILogger logger, string type, Exception error);
}
