namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>
/// A grain without state whose calls need no ordering: calls run concurrently on one shared activation per key
/// on each node, which is never collected. Used for provider grains.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StatelessWorkerAttribute : Attribute;
