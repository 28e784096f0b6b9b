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
/// instead of dropping a record. A store that cannot be reached is retried with backoff (and <see cref="Ready"/>
/// turns false once the backlog passes <see cref="AuditOptions.EffectiveReadinessBacklog"/>); a record the store
/// rejects for its content is found by halving the batch, kept in the dead-letter table, and the writer moves on.
/// On a graceful stop the queue is drained until the host's shutdown deadline, and what is left is counted and logged.
/// </summary>
public sealed partial class BatchingAuditWriter : IHostedService, IAuditSink, IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly Channel<AuditRecord> _queue;
    private readonly IAuditStore _store;
    private readonly AuditOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BatchingAuditWriter> _logger;
    private readonly Lock _gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _flushWaiters = [];
    private readonly CancellationTokenSource _giveUp = new();
    private readonly CancellationTokenSource _draining = new();
    private long _enqueued;
    private long _written;
    private int _inFlight;
    private int _handledOfBatch;
    private long _deadLettered;
    private long _lost;
    private volatile string? _storeError;
    private Task _loop = Task.CompletedTask;
    private Task? _stopped;

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

    /// <summary>Records not yet written: queued, and taken for the write in progress.</summary>
    public int Backlog => _queue.Reader.Count + Volatile.Read(ref _inFlight);

    /// <summary>Records the store rejected for their content and that were kept in the dead-letter table.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Records that could not be written at all: left at the shutdown deadline, or refused by the dead-letter table too.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Why the last write failed while the store is failing; null once a write succeeds.</summary>
    public string? StoreError => _storeError;

    /// <summary>False while the backlog is above <see cref="AuditOptions.EffectiveReadinessBacklog"/>.</summary>
    public bool Ready => Backlog <= _options.EffectiveReadinessBacklog;

    public int ReadinessBacklog => _options.EffectiveReadinessBacklog;

    public async ValueTask EnqueueAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(record, cancellationToken);
        Interlocked.Increment(ref _enqueued);
    }

    /// <summary>Completes once every record queued before the call is written, dead-lettered or given up.</summary>
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

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Its own task, not a BackgroundService's: a stop that comes before the loop first runs must still drain the queue.
        _loop = Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Drains the queue; at the host's shutdown deadline (<paramref name="cancellationToken"/>) it stops retrying and counts what is left.
    /// Idempotent: a second stop (a test host and its entry point both stop the host, one of them after disposing it) awaits the first.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stopped ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _draining.CancelAsync();
        await using var deadline = cancellationToken.Register(_giveUp.Cancel);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            // A stop still draining keeps its sources; they hold no timer or handle, so leaving them to the collector loses nothing.
            if (_stopped is { IsCompleted: false })
            {
                return;
            }

            _stopped ??= Task.CompletedTask;
        }

        _giveUp.Dispose();
        _draining.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new AuditRecord[_options.BatchSize];
        // The loop ends when the queue is completed and drained, so a stop loses nothing (or at the deadline, see GiveUp).
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (_options.FlushInterval > TimeSpan.Zero && _queue.Reader.Count < _options.BatchSize && !_draining.IsCancellationRequested)
            {
                // Real time, not the injected clock: a batching window must pass even when a test's clock stands still.
                // A stop ends the window: the queue is drained at once.
                await Task.Delay(_options.FlushInterval, _draining.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            var count = 0;
            while (count < batch.Length && _queue.Reader.TryRead(out var record))
            {
                batch[count++] = record;
            }

            Volatile.Write(ref _inFlight, count);
            _handledOfBatch = 0;
            try
            {
                await WriteAsync(new ArraySegment<AuditRecord>(batch, 0, count), _giveUp.Token);
            }
            catch (Exception error) when (_giveUp.IsCancellationRequested)
            {
                GiveUp(count - _handledOfBatch, error);
                return;
            }
            finally
            {
                Array.Clear(batch, 0, count);
            }

            Handled(count);
        }

        LogDrained(_logger, Interlocked.Read(ref _written), DeadLettered);
    }

    private void Handled(int count)
    {
        Volatile.Write(ref _inFlight, 0);
        lock (_gate)
        {
            _written += count;
            _flushWaiters.RemoveAll(w => w.Target <= _written && w.Done.TrySetResult() | true);
        }
    }

    /// <summary>The shutdown deadline has passed: what is left is counted, logged and released.</summary>
    private void GiveUp(int leftOfBatch, Exception error)
    {
        var left = leftOfBatch;
        while (_queue.Reader.TryRead(out _))
        {
            left++;
        }

        Interlocked.Add(ref _lost, left);
        Volatile.Write(ref _inFlight, 0);
        if (left > 0)
        {
            LogRecordsLost(_logger, left, _storeError ?? error.Message);
        }

        lock (_gate)
        {
            foreach (var waiter in _flushWaiters)
            {
                waiter.Done.TrySetResult();
            }

            _flushWaiters.Clear();
        }
    }

    /// <summary>Writes the records; a rejected write is halved until the rejected records are found and dead-lettered.</summary>
    private async Task WriteAsync(ArraySegment<AuditRecord> records, CancellationToken giveUp)
    {
        try
        {
            await RetryOutagesAsync(token => _store.AppendAsync(records, token), records.Count, giveUp);
            _handledOfBatch += records.Count;
        }
        catch (AuditRecordRejectedException rejected)
        {
            if (records.Count == 1)
            {
                await DeadLetterAsync(records[0], rejected.Message, giveUp);
                _handledOfBatch++;
                return;
            }

            var half = records.Count / 2;
            await WriteAsync(records[..half], giveUp);
            await WriteAsync(records[half..], giveUp);
        }
    }

    private async Task DeadLetterAsync(AuditRecord record, string reason, CancellationToken giveUp)
    {
        var letter = AuditDeadLetterFactory.Create(record, reason, _time.GetUtcNow());
        try
        {
            await RetryOutagesAsync(token => _store.AppendDeadLetterAsync(letter, _options.DeadLetterCapacity, token), 1, giveUp);
            Interlocked.Increment(ref _deadLettered);
            LogDeadLettered(_logger, letter.RecordId, letter.ActionId, letter.Reason);
        }
        catch (AuditRecordRejectedException error)
        {
            Interlocked.Increment(ref _lost);
            LogDeadLetterRejected(_logger, letter.RecordId, letter.ActionId, letter.Reason, error.Message);
        }
    }

    /// <summary>Retries a write the store failed for any reason but the records' content, with backoff, until the shutdown deadline.</summary>
    private async Task RetryOutagesAsync(Func<CancellationToken, Task> write, int count, CancellationToken giveUp)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write(giveUp);
                _storeError = null;
                return;
            }
            catch (AuditRecordRejectedException)
            {
                _storeError = null;
                throw;
            }
            catch (Exception error) when (!giveUp.IsCancellationRequested)
            {
                _storeError = error.Message;
                LogWriteFailed(_logger, count, attempt, delay.TotalMilliseconds, error);
                await Task.Delay(delay, _time, giveUp);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} audit records failed (attempt {Attempt}); retrying in {DelayMs} ms")]
    private static partial void LogWriteFailed(ILogger logger, int count, int attempt, double delayMs, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit record {RecordId} of action {ActionId} was rejected by the store and kept in the dead-letter table: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string recordId, string actionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit record {RecordId} of action {ActionId} was rejected by the store ({Reason}) and by its dead-letter table ({Error}); it is lost")]
    private static partial void LogDeadLetterRejected(ILogger logger, string recordId, string actionId, string reason, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit queue drained: {Written} records handled, {DeadLettered} of them dead-lettered, none left unwritten")]
    private static partial void LogDrained(ILogger logger, long written, long deadLettered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown deadline reached: {Count} audit records could not be written (last error: {Error})")]
    private static partial void LogRecordsLost(ILogger logger, int count, string error);
}
