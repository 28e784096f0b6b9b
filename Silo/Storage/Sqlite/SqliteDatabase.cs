using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes are queued to one writer that commits whatever has
/// queued up together in one transaction (group commit); reads use a small pool of open connections and run
/// beside the writer. Statements are prepared once per connection and reused.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int MaxBatch = 256;
    private const int MaxIdleReaders = 8;

    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Channel<WriteOperation> _writes = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private readonly Task _writerLoop;

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
        Execute(_writer, "PRAGMA journal_mode=WAL;");
        SqliteSchema.Apply(_writer);
        _writerLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Runs <paramref name="work"/> on the writer, inside the transaction of the current batch.</summary>
    /// <remarks>
    /// An exception that is not a <see cref="SqliteException"/> (a lost compare-and-swap) fails this operation only: it must
    /// have changed nothing. A <see cref="SqliteException"/> rolls the whole batch back and fails all of it.
    /// </remarks>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        var operation = new WriteOperation<T>(work);
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
                connection.Dispose();
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

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _writes.Writer.TryComplete();
        _writerLoop.GetAwaiter().GetResult();
        _writer.Dispose();
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
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

    private async Task WriteLoopAsync()
    {
        var batch = new List<WriteOperation>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            CommitBatch(batch);
            batch.Clear();
        }
    }

    private void CommitBatch(List<WriteOperation> batch)
    {
        var open = false;
        try
        {
            Execute(_writer, "BEGIN IMMEDIATE;");
            open = true;
            foreach (var operation in batch)
            {
                operation.Run(_writer);
            }

            Execute(_writer, "COMMIT;");
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
    }
}
