using System.Threading.Channels;

namespace Acteon.Grains.Streaming;

/// <summary>
/// One client's queue of events: bounded, so a client that reads slowly costs at most its buffer; what does not fit
/// is counted as skipped, and the reader reports it (<c>lagged</c>) before the next event it gets.
/// </summary>
public sealed class StreamSubscription : IDisposable
{
    private readonly Channel<StreamEntry> _queue;
    private readonly StreamHub _hub;
    private long _skipped;

    internal StreamSubscription(StreamHub hub, StreamFilter filter, int capacity)
    {
        _hub = hub;
        Filter = filter;
        _queue = Channel.CreateBounded<StreamEntry>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = false,
        });
    }

    public StreamFilter Filter { get; }

    public ChannelReader<StreamEntry> Reader => _queue.Reader;

    /// <summary>Events skipped since the last call (and resets the count).</summary>
    public long TakeSkipped() => Interlocked.Exchange(ref _skipped, 0);

    /// <summary>Set when <c>Last-Event-ID</c> named an event this node no longer holds: how many were missed is not known.</summary>
    public bool ResumeGap { get; internal set; }

    internal void Offer(StreamEntry entry)
    {
        if (Filter.Matches(entry) && !_queue.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _skipped);
            _hub.CountSkipped();
        }
    }

    public void Dispose()
    {
        _hub.Remove(this);
        _queue.Writer.TryComplete();
    }
}
