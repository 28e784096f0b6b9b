namespace Acteon.Grains.Abstractions.StateMachines;

/// <summary>One transition in a fingerprint's history; <see cref="By"/> is <c>dispatch</c>, <c>api</c> or <c>timeout</c>.</summary>
[GenerateSerializer, Immutable, Alias("acteon.event-transition")]
public sealed record EventTransition([property: Id(0)] string From, [property: Id(1)] string To, [property: Id(2)] DateTimeOffset At, [property: Id(3)] string By);
