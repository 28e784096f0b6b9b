namespace Acteon.Silo.Runtime;

/// <summary>The first turn of every activation: build the grain, load its state, run OnActivateAsync.</summary>
internal sealed class ActivateWorkItem : WorkItem
{
    public override async Task RunAsync(Activation activation)
    {
        try
        {
            await activation.ActivateAsync();
        }
        catch (Exception error)
        {
            activation.FailActivation(error);
        }
    }

    public override void Fail(Exception error)
    {
    }
}
