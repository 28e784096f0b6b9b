namespace Acteon.Grains.Abstractions.Audit;

public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, long Total);
