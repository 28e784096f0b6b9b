using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Tests.Support;

/// <summary>What the test grains of one silo did, and signals to wait on it. Thread-safe.</summary>
internal sealed class GrainProbe
{
    private readonly Lock _gate = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);
    private readonly List<string> _activated = [];
    private readonly List<string> _deactivated = [];
    private readonly List<int> _recorded = [];
    private readonly List<DateTimeOffset> _timerTicks = [];
    private readonly List<(string Key, string Name, TickStatus Status)> _reminders = [];
    private int _inside;
    private int _maxInside;
    private int _attempts;

    public IReadOnlyList<string> Activated => Snapshot(_activated);

    public IReadOnlyList<string> Deactivated => Snapshot(_deactivated);

    public IReadOnlyList<int> Recorded => Snapshot(_recorded);

    public IReadOnlyList<DateTimeOffset> TimerTicks => Snapshot(_timerTicks);

    public IReadOnlyList<(string Key, string Name, TickStatus Status)> Reminders => Snapshot(_reminders);

    /// <summary>The most turns that were ever inside grain code at once.</summary>
    public int MaxConcurrentTurns => Read(() => _maxInside);

    /// <summary>Calls of <c>IncrementAsync</c>, retries included.</summary>
    public int Attempts => Read(() => _attempts);

    /// <summary>Completes once <paramref name="condition"/> (evaluated under the probe's lock) holds.</summary>
    public Task WhenAsync(Func<GrainProbe, bool> condition)
    {
        lock (_gate)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((() => condition(this), done));
            return done.Task;
        }
    }

    public int ActivationsOf(string key) => Read(() => _activated.Count(k => k == key));

    public int DeactivationsOf(string key) => Read(() => _deactivated.Count(k => k == key));

    public int RemindersOf(string name) => Read(() => _reminders.Count(r => r.Name == name));

    /// <summary>The gate a <c>WaitAsync</c> call on grain <paramref name="key"/> waits behind.</summary>
    public TaskCompletionSource Gate(string key)
    {
        lock (_gate)
        {
            if (!_gates.TryGetValue(key, out var gate))
            {
                gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _gates.Add(key, gate);
            }

            return gate;
        }
    }

    public void OnActivated(string key) => Change(() => _activated.Add(key));

    public void OnDeactivated(string key) => Change(() => _deactivated.Add(key));

    public void OnRecorded(int value) => Change(() => _recorded.Add(value));

    public void OnAttempt() => Change(() => _attempts++);

    public void OnTimerTick(DateTimeOffset at) => Change(() => _timerTicks.Add(at));

    public void OnReminder(string key, string name, TickStatus status) => Change(() => _reminders.Add((key, name, status)));

    public void Enter() => Change(() =>
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
    });

    public void Exit() => Change(() => _inside--);

    private void Change(Action change)
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            change();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition())
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var d in done)
        {
            d.SetResult();
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private T[] Snapshot<T>(List<T> list) => Read(() => list.ToArray());
}
