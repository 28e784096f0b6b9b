namespace Acteon.Grains.Abstractions.Audit;

/// <summary>
/// The store refused the records for a reason of their own content (text it cannot hold, a constraint, a record it
/// cannot serialize), not because it is unreachable: writing them again would fail again.
/// </summary>
public sealed class AuditRecordRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
