namespace Acteon.Silo.Runtime;

/// <summary>One turn queued on an activation: a call, a timer tick or the activation itself.</summary>
internal abstract class WorkItem
{
    public abstract Task RunAsync(Activation activation);

    /// <summary>The activation failed to start or closed: the queued turn fails with this error.</summary>
    public abstract void Fail(Exception error);
}
