namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// What a route group needs; declared once per group with <see cref="RouteAuthorization.RequirePermission{TBuilder}"/>.
/// Which roles hold each one, and which need a grant for every tenant, is <see cref="Permissions"/>.
/// </summary>
public enum Permission
{
    /// <summary>Any authenticated caller (e.g. logout).</summary>
    Authenticated,
    Dispatch,
    AuditRead,
    AuditDeadLettersRead,
    RulesRead,
    RulesManage,
    ProvidersRead,
    EmbeddingsUse,
    MetricsRead,
    ClusterRead,
    OrleansDashboard,
    AuthManage,

    // Routes of other features (events, groups, approvals, chains, recurring, stream, circuit breakers, alerts).
    EventsRead,
    EventsManage,
    GroupsRead,
    GroupsManage,
    ApprovalsRead,

    /// <summary>Approve or reject as the authenticated caller (the dashboard), within the caller's grants.</summary>
    ApprovalsDecide,
    ChainsRead,
    ChainsManage,
    RecurringRead,
    RecurringManage,
    StreamSubscribe,
    CircuitBreakersRead,
    CircuitBreakersManage,
}
