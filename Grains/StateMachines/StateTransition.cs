namespace Acteon.Grains.StateMachines;

/// <summary>An allowed move; <see cref="Notify"/> sends the action that made it to its provider.</summary>
public sealed record StateTransition(string From, string To, bool Notify);
