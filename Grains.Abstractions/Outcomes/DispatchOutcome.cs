namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>What the gateway did with an action; <see cref="Name"/> is the wire <c>outcome</c> member.</summary>
public abstract record DispatchOutcome
{
    public abstract string Name { get; }
}
