using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

internal sealed class WriteOperation<T>(Func<SqliteConnection, T> work) : WriteOperation
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _failure;

    public Task<T> Task => _completion.Task;

    public override void Run(SqliteConnection connection)
    {
        try
        {
            _result = work(connection);
        }
        catch (Exception error) when (error is not SqliteException)
        {
            _failure = error;
        }
    }

    public override void Complete()
    {
        if (_failure is null)
        {
            _completion.TrySetResult(_result!);
        }
        else
        {
            _completion.TrySetException(_failure);
        }
    }

    public override void Abandon(Exception error) => _completion.TrySetException(error);
}
