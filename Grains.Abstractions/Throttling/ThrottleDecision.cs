namespace Acteon.Grains.Abstractions.Throttling;

[GenerateSerializer, Immutable, Alias("acteon.throttle-decision")]
public readonly record struct ThrottleDecision([property: Id(0)] bool Admitted, [property: Id(1)] int RetryAfterSeconds);
