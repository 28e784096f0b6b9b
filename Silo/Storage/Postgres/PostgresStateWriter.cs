using System.Threading.Channels;
using Npgsql;

namespace Acteon.Silo.Storage.Postgres;

/// <summary>
/// Group commit for grain state writes: the statements queued by concurrent calls at one moment go to PostgreSQL
/// together, in one round trip and one transaction, instead of one round trip and one commit each. A batch holds
/// its statements in key order, so that two batches (of this node or another) always lock rows in the same order
/// and cannot deadlock. A batch that fails for any reason but an unreachable server is retried one statement at
/// a time, so that every caller gets its own statement's answer.
/// </summary>
internal sealed class PostgresStateWriter : IAsyncDisposable
{
    private const int MaxBatch = 64;

    /// <summary>Batches in flight at once: while one waits for its answer, the next one fills.</summary>
    private const int Loops = 2;

    private readonly PostgresDatabase _db;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>();
    private readonly Task[] _loops;

    public PostgresStateWriter(PostgresDatabase db)
    {
        _db = db;
        _loops = [.. Enumerable.Range(0, Loops).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>
    /// Runs <paramref name="sql"/>, whose first result column (if it returns a row) is the new ETag: null when it
    /// returned no row, i.e. lost its compare-and-swap.
    /// </summary>
    public Task<long?> WriteAsync(string key, string sql, params object?[] parameters)
    {
        var write = new PendingWrite(key, sql, parameters);
        return _queue.Writer.TryWrite(write)
            ? write.Done.Task
            : Task.FromException<long?>(new ObjectDisposedException(nameof(PostgresStateWriter), "the store is closed"));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await WriteAsync([.. batch.OrderBy(w => w.Key, StringComparer.Ordinal)]);
                batch.Clear();
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<PendingWrite> writes)
    {
        try
        {
            var etags = await _db.RunAsync(() => ExecuteAsync(writes));
            for (var i = 0; i < writes.Count; i++)
            {
                writes[i].Done.TrySetResult(etags[i]);
            }
        }
        catch (Exception error) when (writes.Count > 1 && error is not StoreUnavailableException)
        {
            foreach (var write in writes)
            {
                await WriteAsync([write]);
            }
        }
        catch (Exception error)
        {
            foreach (var write in writes)
            {
                write.Done.TrySetException(error);
            }
        }
    }

    private async Task<long?[]> ExecuteAsync(IReadOnlyList<PendingWrite> writes)
    {
        // No explicit transaction: PostgreSQL runs a batch sent with one Sync as one implicit transaction.
        await using var batch = _db.DataSource.CreateBatch();
        foreach (var write in writes)
        {
            var command = new NpgsqlBatchCommand(write.Sql);
            foreach (var value in write.Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        var etags = new long?[writes.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        for (var i = 0; i < writes.Count; i++)
        {
            etags[i] = await reader.ReadAsync() ? reader.GetInt64(0) : null;
            await reader.NextResultAsync();
        }

        return etags;
    }

    private sealed record PendingWrite(string Key, string Sql, object?[] Parameters)
    {
        public TaskCompletionSource<long?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
