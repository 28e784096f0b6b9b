using System.Net.Sockets;
using Npgsql;

namespace Acteon.Silo.Storage.Postgres;

/// <summary>
/// The shared store: one <see cref="NpgsqlDataSource"/> (a connection pool) per process. Failures to reach the
/// server surface as <see cref="StoreUnavailableException"/>; the pool drops broken connections, so the store
/// recovers by itself when PostgreSQL is back.
/// </summary>
internal sealed class PostgresDatabase : IDisposable, IAsyncDisposable
{
    public PostgresDatabase(string url)
    {
        var builder = new NpgsqlDataSourceBuilder(PostgresConnectionString.Build(url));
        var settings = builder.ConnectionStringBuilder;
        settings.ApplicationName ??= "acteon";
        if (!url.Contains("prepare", StringComparison.OrdinalIgnoreCase))
        {
            // The store sends a handful of statements over and over: prepared once per connection, each is then
            // only bound and executed.
            settings.MaxAutoPrepare = 32;
            settings.AutoPrepareMinUsages = 2;
        }

        if (!url.Contains("reset", StringComparison.OrdinalIgnoreCase))
        {
            // No session state is ever set (no SET, no temp tables), so a returned connection needs no DISCARD ALL.
            settings.NoResetOnClose = true;
        }

        DataSource = builder.Build();
    }

    public NpgsqlDataSource DataSource { get; }

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => RunAsync(() => PostgresSchema.ApplyAsync(DataSource, cancellationToken));

    /// <summary>Runs <paramref name="work"/>, turning "cannot reach the server" into <see cref="StoreUnavailableException"/>.</summary>
    /// <remarks>
    /// After such a failure the idle pooled connections are almost certainly dead too (the server restarted or the
    /// network dropped): the pool is cleared, so once the server is back the next requests open fresh connections
    /// instead of failing one by one on stale ones.
    /// </remarks>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception error) when (IsUnavailable(error))
        {
            DataSource.Clear();
            throw new StoreUnavailableException(Describe(error), error);
        }
    }

    /// <summary>A command on a pooled connection of its own; dispose it.</summary>
    public NpgsqlCommand Command(string sql, params object?[] parameters)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public static bool IsUnavailable(Exception error) => error switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)                // admin shutdown, cannot connect now
            || pg.SqlState == "53300",                                                // too many connections
        NpgsqlException => true,                                                      // network, time-out, broken connection
        SocketException or TimeoutException => true,
        _ => false,
    };

    public void Dispose() => DataSource.Dispose();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static string Describe(Exception error)
    {
        var inner = error;
        while (inner.InnerException is { } next && inner is not PostgresException)
        {
            inner = next;
        }

        return inner == error ? error.Message : $"{error.Message} ({inner.Message})";
    }
}
