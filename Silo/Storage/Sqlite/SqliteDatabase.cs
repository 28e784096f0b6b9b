using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Acteon.Grains.Threading;
using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes are queued to one writer that commits whatever has
/// queued up together in one transaction (group commit); reads use a small pool of open connections and run
/// beside the writer. Statements are prepared once per connection and reused. The WAL is copied back into the
/// database file by a checkpointer of its own, beside the writer: SQLite's automatic checkpoint would run (and fsync)
/// inside a commit, holding up every write queued behind it.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int MaxBatch = 256;
    private const int MaxIdleReaders = 8;

    /// <summary>How long the checkpointer waits after a checkpoint before the next, so that it batches many commits.</summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// WAL size (frames of one page) past which the writer finishes a checkpoint so that the WAL starts over. That tail
    /// holds up every write for a few milliseconds (it syncs the database file), so it is not run after every checkpoint.
    /// </summary>
    private const long RestartWalAfterFrames = 16_384;

    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteStatement>> Statements = [];

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Channel<WriteOperation> _writes = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private readonly Thread _writerThread;
    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Thread _checkpointThread;
    private int _tailCheckpointDue;

    public SqliteDatabase(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        _writer = Open();
        Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;");
        SqliteSchema.Apply(_writer);
        // Threads of their own: both block in SQLite (the checkpointer in fsync), which must not hold up pool threads.
        _writerThread = new Thread(WriteLoop) { IsBackground = true, Name = "acteon-sqlite-writer" };
        _writerThread.Start();
        _checkpointThread = new Thread(CheckpointLoop) { IsBackground = true, Name = "acteon-sqlite-checkpoint" };
        _checkpointThread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the writer, inside the transaction of the current batch.</summary>
    /// <remarks>
    /// An exception that is not a <see cref="SqliteException"/> (a lost compare-and-swap) fails this operation only: it must
    /// have changed nothing. A <see cref="SqliteException"/> rolls the whole batch back and fails all of it.
    /// A <paramref name="background"/> write (audit) nobody waits on: it commits in a transaction of its own, after
    /// the urgent writes queued with it, so that a large one never holds up the writes a request is waiting for.
    /// </remarks>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken, bool background = false)
    {
        var operation = new WriteOperation<T>(work) { Background = background };
        return _writes.Writer.TryWrite(operation)
            ? operation.Task.WaitAsync(cancellationToken)
            : Task.FromException<T>(new ObjectDisposedException(nameof(SqliteDatabase), "the store is closed"));
    }

    /// <summary>Runs <paramref name="work"/> on a reader connection of the pool.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = _readers.TryTake(out var idle) ? idle : Open();
        try
        {
            return Task.FromResult(work(connection));
        }
        catch (Exception error)
        {
            return Task.FromException<T>(error);
        }
        finally
        {
            if (_readers.Count < MaxIdleReaders)
            {
                _readers.Add(connection);
            }
            else
            {
                Close(connection);
            }
        }
    }

    /// <summary>The connection's prepared command for <paramref name="sql"/>, parameters cleared. Do not dispose it.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var cache = Prepared.GetOrCreateValue(connection);
        if (!cache.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            cache.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>The connection's <see cref="SqliteStatement"/> for <paramref name="sql"/>. Do not dispose it; reset it after use.</summary>
    public static SqliteStatement Statement(SqliteConnection connection, string sql)
    {
        var cache = Statements.GetOrCreateValue(connection);
        if (!cache.TryGetValue(sql, out var statement))
        {
            statement = SqliteStatement.Prepare(connection, sql);
            cache.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Finalizes the connection's statements, so that closing it really closes the file.</summary>
    private static void Close(SqliteConnection connection)
    {
        if (Statements.TryGetValue(connection, out var cache))
        {
            foreach (var statement in cache.Values)
            {
                statement.Dispose();
            }

            Statements.Remove(connection);
        }

        connection.Dispose();
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement that takes no parameters and returns no rows (BEGIN, COMMIT) through its prepared copy.</summary>
    private static void Run(SqliteConnection connection, string sql)
    {
        var statement = Statement(connection, sql);
        try
        {
            statement.Step();
        }
        finally
        {
            statement.Reset();
        }
    }

    public void Dispose()
    {
        _writes.Writer.TryComplete();
        _writerThread.Join();
        _closing.Cancel();
        _checkpointThread.Join();
        _closing.Dispose();
        _committed.Dispose();
        // The last connection to close checkpoints the whole WAL into the database file.
        Close(_writer);
        while (_readers.TryTake(out var reader))
        {
            Close(reader);
        }
    }

    private void RollBack()
    {
        try
        {
            Execute(_writer, "ROLLBACK;");
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back itself (e.g. after an I/O error): nothing is left to undo.
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    private void WriteLoop()
    {
        var batch = new List<WriteOperation>(MaxBatch);
        var background = new Queue<WriteOperation>();
        while (true)
        {
            TakeQueued(batch, background);
            if (batch.Count == 0 && background.Count == 0)
            {
                if (!_writes.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    return;
                }

                continue;
            }

            if (batch.Count is > 0 and < MaxBatch)
            {
                // Group commit: let the threads that are about to queue a write do so, and commit theirs too.
                Thread.Yield();
                TakeQueued(batch, background);
            }

            if (batch.Count > 0)
            {
                CommitBatch(batch);
                batch.Clear();
            }

            // Then background writes, each in a transaction of its own, until a request's write comes in (it waits behind
            // at most one of them) or the WAL's tail is due; one goes in every round, so requests cannot starve them.
            while (background.TryDequeue(out var next))
            {
                batch.Add(next);
                CommitBatch(batch);
                batch.Clear();
                TakeQueued(batch, background);
                if (batch.Count > 0 || Volatile.Read(ref _tailCheckpointDue) == 1)
                {
                    break;
                }
            }

            if (Interlocked.Exchange(ref _tailCheckpointDue, 0) == 1)
            {
                CheckpointTail();
            }
        }
    }

    /// <summary>
    /// Runs on the writer between batches, after the checkpointer has copied the bulk of a WAL grown past
    /// <see cref="RestartWalAfterFrames"/>: copies the frames committed since, so the whole WAL is in the database and the
    /// next transaction starts the WAL file over. A checkpoint beside a writer that never pauses never catches up, and
    /// the WAL would grow (and be written to fresh, zero-filled file pages) for ever.
    /// </summary>
    private void CheckpointTail()
    {
        try
        {
            Checkpoint(_writer);
        }
        catch (SqliteException)
        {
            // Busy: the next round tries again.
        }
    }

    /// <summary>Takes the queued writes: urgent ones into <paramref name="batch"/>, background ones behind the others.</summary>
    private void TakeQueued(List<WriteOperation> batch, Queue<WriteOperation> background)
    {
        while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var operation))
        {
            if (operation.Background)
            {
                background.Enqueue(operation);
            }
            else
            {
                batch.Add(operation);
            }
        }
    }

    private void CommitBatch(List<WriteOperation> batch)
    {
        var open = false;
        try
        {
            Run(_writer, "BEGIN IMMEDIATE;");
            open = true;
            foreach (var operation in batch)
            {
                operation.Run(_writer);
            }

            Run(_writer, "COMMIT;");
        }
        catch (Exception error)
        {
            if (open)
            {
                RollBack();
            }

            foreach (var operation in batch)
            {
                operation.Abandon(error);
            }

            return;
        }

        foreach (var operation in batch)
        {
            operation.Complete();
        }

        _committed.Signal();
    }

    /// <summary>Runs a PASSIVE checkpoint; returns the number of frames in the WAL.</summary>
    private static long Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var result = command.ExecuteReader();
        return result.Read() ? result.GetInt64(1) : 0;
    }

    /// <summary>
    /// After commits, copies the WAL back into the database (PASSIVE: never waits for readers or the writer). Once a
    /// checkpoint has covered the whole WAL, the writer's next transaction starts it from the beginning again.
    /// </summary>
    private void CheckpointLoop()
    {
        using var connection = Open();
        try
        {
            while (true)
            {
                _committed.Wait(_closing.Token);
                try
                {
                    if (Checkpoint(connection) >= RestartWalAfterFrames)
                    {
                        Volatile.Write(ref _tailCheckpointDue, 1);
                    }
                }
                catch (SqliteException)
                {
                    // Busy or an I/O error: the WAL only grows until the next checkpoint succeeds; writes go on.
                }

                if (_closing.Token.WaitHandle.WaitOne(CheckpointInterval))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
    }
}
