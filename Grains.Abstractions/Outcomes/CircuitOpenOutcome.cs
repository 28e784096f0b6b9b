namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>The provider's breaker is open and no fallback could take the action.</summary>
/// <param name="Provider">The provider the action named.</param>
/// <param name="FallbackProvider">Its configured fallback (null when none).</param>
public sealed record CircuitOpenOutcome(string Provider, string? FallbackProvider) : DispatchOutcome
{
    public override string Name => "circuit_open";
}
