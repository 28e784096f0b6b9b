using System.Collections.Concurrent;
using Acteon.Grains.Abstractions.Runtime;
using Acteon.Grains.Threading;
using Acteon.Silo.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Acteon.Silo.Runtime;

/// <summary>The live activations of this node: created on first call, collected when idle or over the bound.</summary>
internal sealed class GrainCatalog(
    IServiceProvider services,
    GrainTypeRegistry types,
    PersistentStateFactory stateFactory,
    TimeProvider time,
    IOptions<SiloOptions> options,
    SiloLog log)
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly ConcurrentDictionary<GrainId, Lazy<Task<object>>> _workers = new();
    private readonly SiloOptions _options = options.Value;
    private readonly SemaphoreSlim _overBound = new(0, 1);
    private int _count;

    public IServiceProvider Services => services;
    public PersistentStateFactory StateFactory => stateFactory;
    public IReminderRegistry Reminders => services.GetRequiredService<IReminderRegistry>();
    public TimeProvider Time => time;
    public SiloLog Log => log;
    public IGrainFactory GrainFactory => services.GetRequiredService<IGrainFactory>();

    public int Count => Volatile.Read(ref _count);

    /// <summary>Live activations per grain type, for the cluster view.</summary>
    public IReadOnlyDictionary<string, int> CountByType()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, activation) in _activations)
        {
            counts[activation.TypeName] = counts.GetValueOrDefault(activation.TypeName) + 1;
        }

        return counts;
    }

    public Task<T> InvokeAsync<T>(GrainId grainId, Func<object, Task<T>> call)
    {
        if (types.ForName(grainId.Type).IsStatelessWorker)
        {
            return InvokeWorkerAsync(grainId, call);
        }

        var item = new CallWorkItem<T>(call, _options.MaxConflictRetries);
        Enqueue(grainId, item);
        return item.Task;
    }

    public void Enqueue(GrainId grainId, WorkItem item)
    {
        while (true)
        {
            var activation = GetOrCreate(grainId);
            if (activation.TryEnqueue(item))
            {
                return;
            }

            Forget(activation);
        }
    }

    public void Forget(Activation activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.GrainId, activation)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    public async Task RemoveAndDeactivateAsync(Activation activation)
    {
        Forget(activation);
        try
        {
            await activation.DeactivateAsync();
        }
        catch (Exception error)
        {
            log.DeactivationFailed(activation.GrainId, error);
        }
    }

    /// <summary>Deactivates idle activations, then the least recently used ones while over the bound.</summary>
    public async Task CollectAsync()
    {
        var now = time.GetTimestamp();
        var idle = new List<Activation>();
        foreach (var (_, activation) in _activations)
        {
            if (time.GetElapsedTime(activation.LastUsed, now) >= _options.IdleTimeout)
            {
                await CloseAsync(activation);
            }
            else
            {
                idle.Add(activation);
            }
        }

        // Trim well below the bound, so that a stream of new keys triggers a full collection rarely, not every few hundred calls.
        var excess = Count - (_options.MaxActivations * 3 / 4);
        if (excess <= 0)
        {
            return;
        }

        idle.Sort(static (a, b) => a.LastUsed.CompareTo(b.LastUsed));
        foreach (var activation in idle)
        {
            if (excess <= 0)
            {
                break;
            }

            if (await CloseAsync(activation))
            {
                excess--;
            }
        }
    }

    /// <summary>Completes when the activation count passes the bound, or when <paramref name="delay"/> ends.</summary>
    public async Task WaitForCollectionAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tick = Task.Delay(delay, time, timeout.Token);
        await Task.WhenAny(tick, _overBound.WaitAsync(timeout.Token));
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public async Task DeactivateAllAsync()
    {
        foreach (var (_, activation) in _activations)
        {
            await CloseAsync(activation);
        }
    }

    private async Task<bool> CloseAsync(Activation activation)
    {
        if (!activation.TryClose())
        {
            return false;
        }

        await RemoveAndDeactivateAsync(activation);
        return true;
    }

    private async Task<T> InvokeWorkerAsync<T>(GrainId grainId, Func<object, Task<T>> call)
    {
        var worker = _workers.GetOrAdd(grainId, id => new Lazy<Task<object>>(() => ActivateWorkerAsync(id)));
        try
        {
            return await call(await worker.Value);
        }
        catch when (worker.Value.IsFaulted)
        {
            // A worker that failed to activate is not kept: the next call tries again.
            _workers.TryRemove(new KeyValuePair<GrainId, Lazy<Task<object>>>(grainId, worker));
            throw;
        }
    }

    private async Task<object> ActivateWorkerAsync(GrainId grainId)
    {
        var activation = new Activation(grainId, types.ForName(grainId.Type), this);
        await activation.ActivateAsync();
        return activation.Grain;
    }

    private Activation GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        var created = new Activation(grainId, types.ForName(grainId.Type), this);
        if (!_activations.TryAdd(grainId, created))
        {
            return _activations.TryGetValue(grainId, out existing) ? existing : GetOrCreate(grainId);
        }

        if (Interlocked.Increment(ref _count) > _options.MaxActivations)
        {
            _overBound.Signal();
        }

        return created;
    }
}
