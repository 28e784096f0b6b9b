namespace Acteon.Grains.Abstractions.Audit;

/// <summary>
/// An audit record the store rejected for its content, kept apart with the reason. <see cref="Record"/> is a
/// best-effort copy of the record as JSON text: text that is not valid Unicode (or NUL) is replaced by U+FFFD.
/// </summary>
public sealed record AuditDeadLetter
{
    public required string RecordId { get; init; }
    public required string ActionId { get; init; }
    public required string Namespace { get; init; }
    public required string Tenant { get; init; }
    public required string Provider { get; init; }
    public required string ActionType { get; init; }
    public required string Outcome { get; init; }
    public required DateTimeOffset DispatchedAt { get; init; }
    public required DateTimeOffset FailedAt { get; init; }
    public required string Reason { get; init; }
    public required string Record { get; init; }
}
