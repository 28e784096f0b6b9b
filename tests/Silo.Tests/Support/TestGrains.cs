using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Tests.Support;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task ClearAsync();

    Task DeactivateAsync();
}

/// <summary>A counter whose state is not read on activation (<see cref="PersistentStateAttribute.ReadOnActivation"/>).</summary>
public interface ILazyCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();
}

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="value"/> inside a turn that yields halfway.</summary>
    Task<int> RecordAsync(int value);

    /// <summary>Waits behind the probe's gate for this grain's key.</summary>
    Task<string> WaitAsync();

    Task<string> PingAsync();

    Task ThrowAsync(string message);

    Task StartTimerAsync(TimeSpan dueTime, TimeSpan period);

    Task DeactivateAsync();
}

public interface IReminderGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);

    Task UnregisterAsync(string name);
}

public sealed class CounterState
{
    public int Value { get; set; }
}

internal sealed class LazyCounterGrain([PersistentState("counter", ReadOnActivation = false)] IPersistentState<CounterState> state, GrainProbe probe)
    : Grain, ILazyCounterGrain
{
    public const string TypeName = "test-lazy-counter";

    public async Task<int> IncrementAsync()
    {
        probe.OnAttempt();
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }
}

internal sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, GrainProbe probe)
    : Grain, ICounterGrain
{
    public const string TypeName = "test-counter";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.OnActivated(GrainKey);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        probe.OnDeactivated(GrainKey);
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        probe.OnAttempt();
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        Context.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

internal sealed class TurnGrain(GrainProbe probe, TimeProvider time) : Grain, ITurnGrain
{
    public const string TypeName = "test-turn";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.OnActivated(GrainKey);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        probe.OnDeactivated(GrainKey);
        return Task.CompletedTask;
    }

    public async Task<int> RecordAsync(int value)
    {
        probe.Enter();
        try
        {
            await Task.Yield();
            probe.OnRecorded(value);
            await Task.Yield();
            return value;
        }
        finally
        {
            probe.Exit();
        }
    }

    public async Task<string> WaitAsync()
    {
        await probe.Gate(GrainKey).Task;
        return GrainKey;
    }

    public Task<string> PingAsync() => Task.FromResult(GrainKey);

    public async Task ThrowAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task StartTimerAsync(TimeSpan dueTime, TimeSpan period)
    {
        Context.RegisterTimer(async _ =>
        {
            probe.Enter();
            try
            {
                await Task.Yield();
                probe.OnTimerTick(time.GetUtcNow());
            }
            finally
            {
                probe.Exit();
            }
        }, dueTime, period);
        return Task.CompletedTask;
    }

    public Task DeactivateAsync()
    {
        Context.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

internal sealed class ReminderGrain(GrainProbe probe) : Grain, IReminderGrain, IRemindable
{
    public const string TypeName = "test-reminder";

    public Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterOrUpdateReminder(name, dueTime, period);

    public Task UnregisterAsync(string name) => Context.UnregisterReminder(name);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.OnReminder(GrainKey, reminderName, status);
        return Task.CompletedTask;
    }
}
