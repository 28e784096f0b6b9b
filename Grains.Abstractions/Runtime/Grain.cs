namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>Base class of grain implementations. The runtime sets <see cref="Context"/> before activation.</summary>
public abstract class Grain
{
    private IGrainContext? _context;

    public IGrainContext Context
    {
        get => _context ?? throw new InvalidOperationException("The grain is not activated yet.");
        set => _context = value;
    }

    protected string GrainKey => Context.GrainId.Key;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
