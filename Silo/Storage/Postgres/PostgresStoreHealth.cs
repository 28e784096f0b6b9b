namespace Acteon.Silo.Storage.Postgres;

/// <summary>Up when <c>SELECT 1</c> answers within two seconds.</summary>
internal sealed class PostgresStoreHealth(PostgresDatabase db) : IStoreHealth
{
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var command = db.Command("SELECT 1;");
            await command.ExecuteScalarAsync(timeout.Token);
            return null;
        }
        catch (Exception error) when (PostgresDatabase.IsUnavailable(error) || error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            db.DataSource.Clear();
            return error is OperationCanceledException ? "no answer within 2 s" : error.Message;
        }
    }
}
