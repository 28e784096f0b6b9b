using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Acteon.Grains.Threading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Rules;

/// <summary>
/// Loads the rules at start (a bad file stops start-up), reloads them when a file changes (debounced; a bad
/// file is logged and the running set kept), and picks up toggles stored by other nodes.
/// </summary>
internal sealed partial class RuleEngineService(RuleEngine engine, IOptions<RuleOptions> options, [FromKeyedServices(GatewayClock.Key)] TimeProvider time, ILogger<RuleEngineService> logger)
    : BackgroundService
{
    private readonly RuleOptions _options = options.Value;
    private readonly SemaphoreSlim _changed = new(0, 1);
    private FileSystemWatcher? _watcher;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await engine.LoadAtStartupAsync();

        await engine.RefreshTogglesAsync();
        if (_options.Directory is { } directory && _options.Watch)
        {
            _watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = false, EnableRaisingEvents = true };
            _watcher.Changed += (_, _) => _changed.Signal();
            _watcher.Created += (_, _) => _changed.Signal();
            _watcher.Deleted += (_, _) => _changed.Signal();
            _watcher.Renamed += (_, _) => _changed.Signal();
        }

        LogLoaded(logger, result.Loaded, _options.Directory ?? "(none)");
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var changed = _changed.WaitAsync(wait.Token);
            var tick = Task.Delay(_options.ToggleRefreshInterval, time, wait.Token);
            var first = await Task.WhenAny(changed, tick);
            await wait.CancelAsync();
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if (first == changed && changed.IsCompletedSuccessfully)
                {
                    await Task.Delay(_options.WatchDebounce, time, stoppingToken);
                    var result = await engine.ReloadAsync();
                    foreach (var error in result.Errors)
                    {
                        LogReloadRejected(logger, error.Message);
                    }
                }

                await engine.RefreshTogglesAsync();
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(logger, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} rules from {Directory}")]
    private static partial void LogLoaded(ILogger logger, int count, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule files changed but were not loaded; the running rules stay: {Error}")]
    private static partial void LogReloadRejected(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing rules or toggles failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);
}
