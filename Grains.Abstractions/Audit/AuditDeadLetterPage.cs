namespace Acteon.Grains.Abstractions.Audit;

/// <summary>Dead letters, newest first, and how many the store holds.</summary>
public sealed record AuditDeadLetterPage(IReadOnlyList<AuditDeadLetter> Letters, long Total);
