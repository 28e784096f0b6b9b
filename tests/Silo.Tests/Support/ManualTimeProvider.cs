namespace Acteon.Silo.Tests.Support;

/// <summary>
/// A clock the test drives. Time moves only in <see cref="Advance"/> and <see cref="AdvanceToNextTimer"/>;
/// timers due on the way fire there, on the caller's thread, in due order, each seeing its own due time as now.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _origin;
    private DateTimeOffset _now;
    private long _armCount;
    private TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _origin = start ?? DefaultStart;
        _now = _origin;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>How many times a timer was created or (re)armed; compare with <see cref="WhenArmedAfterAsync"/>.</summary>
    public long ArmCount
    {
        get
        {
            lock (_gate)
            {
                return _armCount;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return (_now - _origin).Ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        Change(timer, dueTime, period);
        return timer;
    }

    /// <summary>Completes once a timer is created or armed after the <see cref="ArmCount"/> the caller saw.</summary>
    public Task WhenArmedAfterAsync(long armCount)
    {
        lock (_gate)
        {
            return _armCount > armCount ? Task.CompletedTask : _armed.Task;
        }
    }

    /// <summary>Moves time forward by <paramref name="delta"/>, firing every timer due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (FireNext(target) == TimerStep.Fired)
        {
        }

        lock (_gate)
        {
            if (_now < target)
            {
                _now = target;
            }
        }
    }

    /// <summary>
    /// Moves time to the earliest pending timer (if it is due by <paramref name="limit"/>) and fires it. What it found is
    /// decided under one lock: asking <see cref="PendingTimers"/> afterwards would also count a timer a background loop
    /// armed in between, and mistake it for one due after the limit.
    /// </summary>
    public TimerStep AdvanceToNextTimer(DateTimeOffset limit) => FireNext(limit);

    private TimerStep FireNext(DateTimeOffset limit)
    {
        ManualTimer? next = null;
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                if (timer.DueAt <= limit && (next is null || timer.DueAt < next.DueAt))
                {
                    next = timer;
                }
            }

            if (next is null)
            {
                return _timers.Count == 0 ? TimerStep.NoTimer : TimerStep.NextAfterLimit;
            }

            if (next.DueAt > _now)
            {
                _now = next.DueAt;
            }

            if (next.Period > TimeSpan.Zero)
            {
                next.DueAt += next.Period;
                Armed();
            }
            else
            {
                _timers.Remove(next);
            }
        }

        next.Fire();
        return TimerStep.Fired;
    }

    private bool Change(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            _timers.Remove(timer);
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            timer.DueAt = _now + dueTime;
            _timers.Add(timer);
            Armed();
            return true;
        }
    }

    private void Dispose(ManualTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            _timers.Remove(timer);
        }
    }

    private bool IsDisposed(ManualTimer timer)
    {
        lock (_gate)
        {
            return timer.Disposed;
        }
    }

    // Called under _gate; continuations run asynchronously, so nothing runs inside the lock.
    private void Armed()
    {
        _armCount++;
        var armed = _armed;
        _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        armed.SetResult();
    }

    /// <summary>Its mutable fields are guarded by the owner's lock.</summary>
    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Change(this, dueTime, period);

        public void Fire()
        {
            if (!owner.IsDisposed(this))
            {
                callback(state);
            }
        }

        public void Dispose() => owner.Dispose(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
