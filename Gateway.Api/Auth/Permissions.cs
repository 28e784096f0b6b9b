using Acteon.Silo.Configuration.Auth;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// The one table of who may do what: the lowest role that holds a permission (roles are ordered viewer &lt;
/// operator &lt; admin), and whether it acts on the whole gateway, so that the caller also needs a grant covering
/// every tenant and namespace (<see cref="Caller.HasGlobalScope"/>).
/// </summary>
public static class Permissions
{
    private static readonly Dictionary<Permission, (AuthRole MinRole, bool Global)> Table = new()
    {
        [Permission.Authenticated] = (AuthRole.Viewer, false),
        [Permission.AuditRead] = (AuthRole.Viewer, false),
        [Permission.RulesRead] = (AuthRole.Viewer, false),
        [Permission.ProvidersRead] = (AuthRole.Viewer, false),
        [Permission.EventsRead] = (AuthRole.Viewer, false),
        [Permission.GroupsRead] = (AuthRole.Viewer, false),
        [Permission.ApprovalsRead] = (AuthRole.Viewer, false),
        [Permission.ChainsRead] = (AuthRole.Viewer, false),
        [Permission.RecurringRead] = (AuthRole.Viewer, false),
        [Permission.StreamSubscribe] = (AuthRole.Viewer, false),
        [Permission.CircuitBreakersRead] = (AuthRole.Viewer, false),
        [Permission.MetricsRead] = (AuthRole.Viewer, true),
        [Permission.Dispatch] = (AuthRole.Operator, false),
        [Permission.EmbeddingsUse] = (AuthRole.Operator, false),
        [Permission.EventsManage] = (AuthRole.Operator, false),
        [Permission.GroupsManage] = (AuthRole.Operator, false),
        [Permission.ApprovalsDecide] = (AuthRole.Operator, false),
        [Permission.ChainsManage] = (AuthRole.Operator, false),
        [Permission.RecurringManage] = (AuthRole.Operator, false),
        [Permission.RulesManage] = (AuthRole.Operator, true),
        [Permission.CircuitBreakersManage] = (AuthRole.Operator, true),
        [Permission.ClusterRead] = (AuthRole.Operator, true),
        [Permission.AuditDeadLettersRead] = (AuthRole.Operator, true),
        [Permission.OrleansDashboard] = (AuthRole.Admin, true),
        [Permission.AuthManage] = (AuthRole.Admin, true),
    };

    public static AuthRole MinRole(Permission permission) => Table[permission].MinRole;

    public static bool IsGlobal(Permission permission) => Table[permission].Global;

    /// <summary>Null when <paramref name="caller"/> holds <paramref name="permission"/>, else why not (the 403 message).</summary>
    public static string? Denial(Caller caller, Permission permission)
    {
        var (minRole, global) = Table[permission];
        if (caller.Role < minRole)
        {
            return $"insufficient permissions: {permission} needs role {Name(minRole)} or above; '{caller.Id}' has role {Name(caller.Role)}";
        }

        return global && !caller.HasGlobalScope
            ? $"insufficient permissions: {permission} acts on the whole gateway and needs a grant for every tenant and namespace (\"*\")"
            : null;
    }

    public static string Name(AuthRole role) => role.ToString().ToLowerInvariant();
}
