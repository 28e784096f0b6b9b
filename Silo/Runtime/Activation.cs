using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

/// <summary>
/// A live grain. Turns run one at a time in arrival order: whoever enqueues into an idle activation runs
/// its queue until empty, so no grain code needs a lock.
/// </summary>
internal sealed class Activation : IGrainContext
{
    private readonly Queue<WorkItem> _queue = new();
    private readonly Lock _gate = new();
    private readonly GrainCatalog _catalog;
    private readonly GrainRegistration _registration;
    private readonly List<IDisposable> _timers = [];
    private IStateBinding[] _states = [];
    private object? _grain;
    private bool _running;
    private bool _closed;
    private bool _deactivateWhenIdle;
    private long _lastUsed;

    public Activation(GrainId grainId, GrainRegistration registration, GrainCatalog catalog)
    {
        GrainId = grainId;
        _registration = registration;
        _catalog = catalog;
        _lastUsed = catalog.Time.GetTimestamp();
        _queue.Enqueue(new ActivateWorkItem());
    }

    public GrainId GrainId { get; }

    public IGrainFactory GrainFactory => _catalog.GrainFactory;

    public object Grain => _grain ?? throw new InvalidOperationException($"{GrainId} is not activated.");

    public string TypeName => _registration.TypeName;

    /// <summary>Timestamp (TimeProvider) of the end of the last turn.</summary>
    public long LastUsed => Volatile.Read(ref _lastUsed);

    /// <summary>False when the activation has closed: the caller must get a fresh one from the catalog.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _queue.Enqueue(item);
            if (_running)
            {
                return true;
            }

            _running = true;
        }

        _ = RunAsync();
        return true;
    }

    /// <summary>Closes the activation if it has nothing to do. A closed activation accepts no further turn.</summary>
    public bool TryClose()
    {
        lock (_gate)
        {
            if (_running || _queue.Count > 0 || _closed)
            {
                return false;
            }

            _closed = true;
            return true;
        }
    }

    public async Task ActivateAsync()
    {
        var (grain, states) = _registration.Create(_catalog.Services, GrainId, _catalog.StateFactory);
        foreach (var state in states)
        {
            if (state.ReadOnActivation)
            {
                await state.ReadStateAsync();
            }
        }

        _states = states;
        if (grain is Grain g)
        {
            g.Context = this;
            await g.OnActivateAsync(CancellationToken.None);
        }

        _grain = grain;
    }

    public void FailActivation(Exception error)
    {
        List<WorkItem> failed;
        lock (_gate)
        {
            _closed = true;
            failed = [.. _queue];
            _queue.Clear();
        }

        foreach (var item in failed)
        {
            item.Fail(error);
        }

        _catalog.Forget(this);
    }

    public async Task ReloadStatesAsync()
    {
        foreach (var state in _states)
        {
            await state.ReadStateAsync();
        }
    }

    /// <summary>Runs after the activation closed and left the catalog.</summary>
    public async Task DeactivateAsync()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers.Clear();
        if (_grain is Grain g)
        {
            await g.OnDeactivateAsync(CancellationToken.None);
        }
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _catalog.Time.CreateTimer(
            _ => TryEnqueue(new TimerWorkItem(callback, e => _catalog.Log.TimerFailed(GrainId, e))),
            null, dueTime, period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period);
        _timers.Add(timer);
        return timer;
    }

    public Task RegisterOrUpdateReminder(string name, TimeSpan dueTime, TimeSpan period) =>
        _catalog.Reminders.RegisterAsync(GrainId, name, dueTime, period, CancellationToken.None);

    public Task UnregisterReminder(string name) =>
        _catalog.Reminders.UnregisterAsync(GrainId, name, CancellationToken.None);

    public void DeactivateOnIdle() => _deactivateWhenIdle = true;

    private async Task RunAsync()
    {
        while (true)
        {
            var (item, close) = Next();
            if (item is not null)
            {
                await item.RunAsync(this);
                continue;
            }

            if (close)
            {
                await _catalog.RemoveAndDeactivateAsync(this);
            }

            return;
        }
    }

    private (WorkItem? Item, bool Close) Next()
    {
        lock (_gate)
        {
            if (_queue.TryDequeue(out var item))
            {
                return (item, false);
            }

            _running = false;
            Volatile.Write(ref _lastUsed, _catalog.Time.GetTimestamp());
            if (_deactivateWhenIdle && !_closed && _grain is not null)
            {
                _closed = true;
                return (null, true);
            }

            return (null, false);
        }
    }
}
