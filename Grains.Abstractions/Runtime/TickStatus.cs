namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>When a reminder was due and when the runtime delivered it.</summary>
public readonly record struct TickStatus(DateTimeOffset DueAt, TimeSpan Period, DateTimeOffset CurrentTickTime);
