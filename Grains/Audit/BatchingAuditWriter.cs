using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using System.Threading.Channels;
using Acteon.Grains.Abstractions.Audit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Audit;

/// <summary>
/// Writes audit records in batches, off the request path. The queue is bounded: when it is full, dispatch waits
/// instead of dropping a record. A failed write is retried; on a graceful stop the queue is drained first.
/// </summary>
public sealed partial class BatchingAuditWriter : BackgroundService, IAuditSink
{
    private readonly Channel<AuditRecord> _queue;
    private readonly IAuditStore _store;
    private readonly AuditOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BatchingAuditWriter> _logger;
    private readonly Lock _gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _flushWaiters = [];
    private long _enqueued;
    private long _written;

    public BatchingAuditWriter(IAuditStore store, IOptions<AuditOptions> options, [FromKeyedServices(GatewayClock.Key)] TimeProvider time, ILogger<BatchingAuditWriter> logger)
    {
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Records queued and not yet taken for a write.</summary>
    public int QueueDepth => _queue.Reader.Count;

    public async ValueTask EnqueueAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(record, cancellationToken);
        Interlocked.Increment(ref _enqueued);
    }

    /// <summary>Completes once every record queued before the call is stored.</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            var target = Interlocked.Read(ref _enqueued);
            if (_written >= target)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushWaiters.Add((target, done));
            return done.Task;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditRecord>(_options.BatchSize);
        // Not stoppingToken: the loop ends when the queue is completed and drained, so a stop loses nothing.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (_options.FlushInterval > TimeSpan.Zero && _queue.Reader.Count < _options.BatchSize)
            {
                // Real time, not the injected clock: a batching window must pass even when a test's clock stands still.
                await Task.Delay(_options.FlushInterval, CancellationToken.None);
            }

            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            await WriteWithRetryAsync(batch, stoppingToken);
            lock (_gate)
            {
                _written += batch.Count;
                _flushWaiters.RemoveAll(w => w.Target <= _written && w.Done.TrySetResult() | true);
            }

            batch.Clear();
        }
    }

    private async Task WriteWithRetryAsync(List<AuditRecord> batch, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.AppendAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception error) when (attempt < 10 || !stoppingToken.IsCancellationRequested)
            {
                LogWriteFailed(_logger, batch.Count, attempt, error);
                await Task.Delay(delay, _time, CancellationToken.None);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
            catch (Exception error)
            {
                LogRecordsLost(_logger, batch.Count, error);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} audit records failed (attempt {Attempt}); retrying")]
    private static partial void LogWriteFailed(ILogger logger, int count, int attempt, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping with the audit store unreachable: {Count} audit records could not be written")]
    private static partial void LogRecordsLost(ILogger logger, int count, Exception error);
}
