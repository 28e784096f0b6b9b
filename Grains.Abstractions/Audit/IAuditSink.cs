namespace Acteon.Grains.Abstractions.Audit;

/// <summary>The dispatch path hands records here; they are written in batches, off the request path.</summary>
public interface IAuditSink
{
    /// <summary>Queues the record. Waits only when the bounded queue is full, so nothing is dropped.</summary>
    ValueTask EnqueueAsync(AuditRecord record, CancellationToken cancellationToken);
}
