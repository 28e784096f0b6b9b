namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>A state write lost a compare-and-swap: another activation wrote first.</summary>
public sealed class InconsistentStateException(string message) : Exception(message);
