namespace Acteon.Grains.Abstractions.CircuitBreakers;

public static class CircuitStateNames
{
    /// <summary><c>closed</c>, <c>open</c> or <c>half_open</c>.</summary>
    public static string Of(CircuitState state) => state switch
    {
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => "closed",
    };
}
