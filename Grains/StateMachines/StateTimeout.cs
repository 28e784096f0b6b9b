namespace Acteon.Grains.StateMachines;

/// <summary>A fingerprint that stays <see cref="After"/> in <see cref="InState"/> moves to <see cref="TransitionTo"/> (by reminder).</summary>
public sealed record StateTimeout(string InState, TimeSpan After, string TransitionTo);
