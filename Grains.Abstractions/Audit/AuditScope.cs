namespace Acteon.Grains.Abstractions.Audit;

/// <summary>
/// One grant as an audit filter: a record matches when its tenant is one of <see cref="Tenants"/> or a descendant
/// (<c>acme</c> covers <c>acme.eu</c>) and its namespace, provider and action type are listed; null means any.
/// </summary>
public sealed record AuditScope(
    IReadOnlyList<string>? Tenants, IReadOnlyList<string>? Namespaces, IReadOnlyList<string>? Providers, IReadOnlyList<string>? ActionTypes)
{
    public bool Matches(string tenant, string ns, string provider, string actionType) =>
        (Tenants is null || Tenants.Any(t => tenant == t || (tenant.StartsWith(t, StringComparison.Ordinal) && tenant.Length > t.Length && tenant[t.Length] == '.')))
        && (Namespaces is null || Namespaces.Contains(ns))
        && (Providers is null || Providers.Contains(provider))
        && (ActionTypes is null || ActionTypes.Contains(actionType));
}
