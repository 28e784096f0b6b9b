using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Storage;

/// <summary>
/// A durable reminder. <see cref="Version"/> changes on every registration, so a node that fired an old
/// registration cannot complete (and so delete or move) a newer one.
/// </summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset DueAt, TimeSpan Period, string Version);
