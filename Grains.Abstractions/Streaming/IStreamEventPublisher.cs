namespace Acteon.Grains.Abstractions.Streaming;

/// <summary>
/// Sends an event to every <c>GET /v1/stream</c> client of the cluster. Call it after the durable write that decided
/// the event. It never blocks and never throws: the event gets its id (UUIDv7) and time stamp, is sanitised, kept in
/// this node's bounded resume buffer, and fanned out to the other nodes; when streaming is disabled it does nothing.
/// Dispatch outcomes (<c>action_dispatched</c>) are published by the dispatch pipeline itself.
/// </summary>
public interface IStreamEventPublisher
{
    void Publish(StreamEvent streamEvent);
}
