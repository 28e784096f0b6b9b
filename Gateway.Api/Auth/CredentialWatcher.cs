using System.Threading.Channels;
using Acteon.Grains.Abstractions;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// Reloads the <see cref="CredentialStore"/> when acteon.toml or auth.toml changes (<c>[auth] watch</c>, on by
/// default), once the files have been quiet for <see cref="Debounce"/>: a file being rewritten is first seen
/// truncated, and an empty auth.toml would otherwise be loaded as "no users".
/// </summary>
public sealed class CredentialWatcher(CredentialStore store, [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Settings.Enabled && store.Settings.Watch && store.Files.Count > 0)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(store.Files[0]))!;
            foreach (var name in new[] { Path.GetFileName(store.Files[0]), Silo.Configuration.Auth.AuthConfig.CredentialsFileName })
            {
                var watcher = new FileSystemWatcher(directory, name) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
                watcher.Changed += (_, _) => _changed.Writer.TryWrite(true);
                watcher.Created += (_, _) => _changed.Writer.TryWrite(true);
                watcher.Renamed += (_, _) => _changed.Writer.TryWrite(true);
                watcher.Deleted += (_, _) => _changed.Writer.TryWrite(true);
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_watchers.Count == 0)
        {
            return;
        }

        try
        {
            while (await _changed.Reader.WaitToReadAsync(stoppingToken))
            {
                // Quiet period: events during it are folded into this one reload.
                do
                {
                    _changed.Reader.TryRead(out _);
                    await Task.Delay(Debounce, time, stoppingToken);
                }
                while (_changed.Reader.TryPeek(out _));

                store.Reload();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        foreach (var watcher in _watchers.ToArray())
        {
            watcher.Dispose();
        }

        _watchers.Clear();
        base.Dispose();
    }
}
