using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Audit;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Acteon.Grains.Tests.Audit;

public sealed class BatchingAuditWriterTests
{
    [Fact]
    public async Task Enqueue_FewRecordsWithinTheFlushInterval_WrittenInOneBatch()
    {
        var store = new RecordingStore();
        using var writer = Start(store, new AuditOptions { BatchSize = 500, FlushInterval = TimeSpan.FromMilliseconds(300) });

        await EnqueueAsync(writer, 5);

        await Wait.ForAsync(writer.FlushAsync(), "the five records to be written");
        Assert.Equal([5], store.Batches);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Enqueue_AFullBatchQueued_WrittenWithoutWaitingForTheInterval()
    {
        var store = new RecordingStore();
        using var writer = Start(store, new AuditOptions { BatchSize = 4, FlushInterval = TimeSpan.FromMinutes(10) });

        await EnqueueAsync(writer, 8);

        // Two full batches: neither waits the ten minutes.
        await Wait.ForAsync(writer.FlushAsync(), "two full batches to be written");
        Assert.Equal([4, 4], store.Batches);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Enqueue_PoisonRecordsInABatch_DeadLetteredWithTheReasonAndTheOthersWritten()
    {
        var store = new FlakyStore();
        using var writer = Start(store, new AuditOptions { BatchSize = 100, FlushInterval = TimeSpan.FromMilliseconds(20) });

        for (var i = 0; i < 100; i++)
        {
            await writer.EnqueueAsync(i % 25 == 7 ? Poison(i) : Record(i), CancellationToken.None);
        }

        await Wait.ForAsync(writer.FlushAsync(), "the batch to be written around its poison records");
        // The writer moves on: records queued after the poison are written too.
        await EnqueueAsync(writer, 3, first: 100);
        await Wait.ForAsync(writer.FlushAsync(), "the records after the poison to be written");

        Assert.Equal(99, store.Written.Count);
        Assert.Equal(["id-7", "id-32", "id-57", "id-82"], store.DeadLetters.Select(l => l.RecordId).OrderBy(id => int.Parse(id[3..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(store.DeadLetters, l => Assert.Equal("the store refuses action type 'poison'", l.Reason));
        Assert.Equal(4, writer.DeadLettered);
        Assert.Equal(0, writer.Lost);
        Assert.Equal(0, writer.Backlog);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Enqueue_StoreDown_RetriedWithBackoffNotReadyPastTheBacklogThenWrittenWhenBack()
    {
        var time = new FakeTimeProvider();
        var store = new FlakyStore { Down = true };
        using var writer = Start(store, new AuditOptions { BatchSize = 10, QueueCapacity = 100, ReadinessBacklog = 20, FlushInterval = TimeSpan.Zero }, time);

        await EnqueueAsync(writer, 30);
        await Wait.UntilAsync(() => Task.FromResult(store.Attempts >= 1), "a first write attempt");
        Assert.False(writer.Ready);
        Assert.Equal(30, writer.Backlog);
        Assert.Equal("store down", writer.StoreError);

        // Backoff on the injected clock: 100 ms, then 200 ms, ... between attempts.
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Wait.UntilAsync(() => Task.FromResult(store.Attempts >= 2), "a second attempt after 100 ms");
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, store.Attempts);
        store.Down = false;
        time.Advance(TimeSpan.FromMilliseconds(100));

        await Wait.ForAsync(writer.FlushAsync(), "the backlog to be written once the store is back");
        Assert.Equal(30, store.Written.Count);
        Assert.True(writer.Ready);
        Assert.Null(writer.StoreError);
        Assert.Empty(store.DeadLetters);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_StoreDownPastTheShutdownDeadline_ReturnsAndCountsWhatItCouldNotWrite()
    {
        var store = new FlakyStore { Down = true };
        var logger = new CollectingLogger();
        using var writer = new BatchingAuditWriter(store, Options.Create(new AuditOptions { BatchSize = 10, FlushInterval = TimeSpan.Zero }), TimeProvider.System, logger);
        await writer.StartAsync(CancellationToken.None);
        await EnqueueAsync(writer, 25);
        await Wait.UntilAsync(() => Task.FromResult(store.Attempts >= 1), "a first write attempt");

        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Wait.ForAsync(writer.StopAsync(deadline.Token), "the stop to return at its deadline");

        Assert.Equal(25, writer.Lost);
        Assert.Contains(logger.Messages, m => m.StartsWith("Shutdown deadline reached: 25 audit records could not be written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopAsync_StoreUp_DrainsTheQueueFirst()
    {
        var store = new FlakyStore();
        var writer = Start(store, new AuditOptions { BatchSize = 7, FlushInterval = TimeSpan.FromMinutes(10) });
        await EnqueueAsync(writer, 50);

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(50, store.Written.Count);
        Assert.Equal(0, writer.Lost);
        writer.Dispose();
    }

    [Fact]
    public async Task StopAsync_CalledAgainConcurrentlyAndAfterDispose_AwaitsTheFirstStopAndThrowsNothing()
    {
        // A test host stops the host while its entry point stops and disposes it: the writer sees two stops, one after Dispose.
        var store = new FlakyStore();
        var writer = Start(store, new AuditOptions { BatchSize = 7, FlushInterval = TimeSpan.FromMinutes(10) });
        await EnqueueAsync(writer, 30);

        var first = writer.StopAsync(CancellationToken.None);
        var second = writer.StopAsync(CancellationToken.None);
        await Task.WhenAll(first, second);
        writer.Dispose();
        await writer.StopAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(30, store.Written.Count);
    }

    [Fact]
    public async Task StopAsync_AfterDisposeWithoutAStop_ThrowsNothing()
    {
        var writer = Start(new FlakyStore(), new AuditOptions { FlushInterval = TimeSpan.Zero });
        writer.Dispose();

        await writer.StopAsync(CancellationToken.None);
    }

    private static BatchingAuditWriter Start(IAuditStore store, AuditOptions options, TimeProvider? time = null)
    {
        var writer = new BatchingAuditWriter(store, Options.Create(options), time ?? TimeProvider.System, NullLogger<BatchingAuditWriter>.Instance);
        writer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return writer;
    }

    private static async Task EnqueueAsync(BatchingAuditWriter writer, int count, int first = 0)
    {
        for (var i = first; i < first + count; i++)
        {
            await writer.EnqueueAsync(Record(i), CancellationToken.None);
        }
    }

    private static AuditRecord Record(int i) => new()
    {
        Id = $"id-{i}", ActionId = $"action-{i}", Namespace = "n", Tenant = "t", Provider = "log", ActionType = "x",
        Verdict = "allow", Outcome = "executed", DispatchedAt = DateTimeOffset.UnixEpoch, CompletedAt = DateTimeOffset.UnixEpoch,
    };

    private static AuditRecord Poison(int i) => Record(i) with { ActionType = "poison" };

    private sealed class RecordingStore : IAuditStore
    {
        private readonly List<int> _batches = [];

        public List<int> Batches
        {
            get
            {
                lock (_batches)
                {
                    return [.. _batches];
                }
            }
        }

        public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
        {
            lock (_batches)
            {
                _batches.Add(records.Count);
            }

            return Task.CompletedTask;
        }

        public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<AuditRecord?> GetByActionIdAsync(string actionId, CancellationToken cancellationToken) => Task.FromResult<AuditRecord?>(null);

        public Task AppendDeadLetterAsync(AuditDeadLetter letter, int capacity, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AuditDeadLetterPage> ReadDeadLettersAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
