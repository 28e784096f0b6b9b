namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>The rule's window is full; <see cref="RetryAfterSeconds"/> is the time until it admits again.</summary>
public sealed record ThrottledOutcome(string Rule, int RetryAfterSeconds) : DispatchOutcome
{
    public override string Name => "throttled";
}
