namespace Acteon.Grains.Streaming;

/// <summary>
/// A client's filters, all of which must hold: <c>namespace</c>, <c>action_type</c>, <c>event_type</c>, and
/// <c>outcome</c> (which only <c>action_dispatched</c> events have, so it drops every other type), and the
/// subscriber's grants (<see cref="Visible"/>: tenant, namespace → whether the caller may see that scope).
/// </summary>
public sealed record StreamFilter(string? Namespace, string? ActionType, string? Outcome, string? EventType)
{
    public static readonly StreamFilter All = new(null, null, null, null);

    /// <summary>Whether the subscriber may see events of a tenant and namespace; null: every scope.</summary>
    public Func<string, string, bool>? Visible { get; init; }

    public bool Matches(StreamEntry entry) =>
        (Visible is null || Visible(entry.Tenant, entry.Namespace))
        && (Namespace is null || string.Equals(Namespace, entry.Namespace, StringComparison.Ordinal))
        && (ActionType is null || string.Equals(ActionType, entry.ActionType, StringComparison.Ordinal))
        && (Outcome is null || string.Equals(Outcome, entry.Outcome, StringComparison.Ordinal))
        && (EventType is null || string.Equals(EventType, entry.Type, StringComparison.Ordinal));
}
