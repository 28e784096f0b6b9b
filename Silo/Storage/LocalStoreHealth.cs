namespace Acteon.Silo.Storage;

/// <summary>The in-process stores (memory, SQLite) are up while the process runs.</summary>
internal sealed class LocalStoreHealth : IStoreHealth
{
    public Task<string?> CheckAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
