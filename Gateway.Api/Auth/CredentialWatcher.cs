namespace Acteon.Gateway.Api.Auth;

/// <summary>Reloads the <see cref="CredentialStore"/> when acteon.toml or auth.toml changes (<c>[auth] watch</c>, on by default).</summary>
public sealed class CredentialWatcher(CredentialStore store) : IHostedService, IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!store.Settings.Enabled || !store.Settings.Watch || store.Files.Count == 0)
        {
            return Task.CompletedTask;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(store.Files[0]))!;
        foreach (var name in new[] { Path.GetFileName(store.Files[0]), Silo.Configuration.Auth.AuthConfig.CredentialsFileName })
        {
            var watcher = new FileSystemWatcher(directory, name) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            // Each event reloads; reloading is idempotent, and a half-written file fails and is read again on the next event.
            watcher.Changed += (_, _) => store.Reload();
            watcher.Created += (_, _) => store.Reload();
            watcher.Renamed += (_, _) => store.Reload();
            watcher.Deleted += (_, _) => store.Reload();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        var watchers = _watchers.ToArray();
        _watchers.Clear();
        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }
    }
}
