using Xunit;

namespace Acteon.Tests.Shared;

/// <summary>Starts a <see cref="PostgresServer"/> before the first test of the collection and removes it after the last.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("the PostgreSQL fixture is not started");

    /// <summary>Disposes <paramref name="item"/> (something shared by several tests) after the last test, before the server stops.</summary>
    public T Own<T>(T item)
        where T : IAsyncDisposable
    {
        lock (_owned)
        {
            _owned.Add(item);
        }

        return item;
    }

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
