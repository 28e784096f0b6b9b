using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Audit;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
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

    private static BatchingAuditWriter Start(IAuditStore store, AuditOptions options)
    {
        var writer = new BatchingAuditWriter(store, Options.Create(options), TimeProvider.System, NullLogger<BatchingAuditWriter>.Instance);
        writer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return writer;
    }

    private static async Task EnqueueAsync(BatchingAuditWriter writer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await writer.EnqueueAsync(Record(i), CancellationToken.None);
        }
    }

    private static AuditRecord Record(int i) => new()
    {
        Id = $"id-{i}", ActionId = $"action-{i}", Namespace = "n", Tenant = "t", Provider = "log", ActionType = "x",
        Verdict = "allow", Outcome = "executed", DispatchedAt = DateTimeOffset.UnixEpoch, CompletedAt = DateTimeOffset.UnixEpoch,
    };

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
    }
}
