namespace Acteon.Grains.Abstractions.Throttling;

public readonly record struct ThrottleDecision(bool Admitted, int RetryAfterSeconds);
