namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>What the runtime offers a live activation.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    /// <summary>An in-memory timer whose ticks run as turns of this activation; gone when the activation is.</summary>
    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);

    /// <summary>A durable reminder: survives deactivation, restarts and node deaths. Period zero fires once.</summary>
    Task RegisterOrUpdateReminder(string name, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(string name);

    /// <summary>Asks the runtime to deactivate this activation once the current turn ends.</summary>
    void DeactivateOnIdle();
}
