using System.Security.Claims;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Silo.Configuration.Auth;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// Who is calling, with the role and grants of the current auth configuration. Endpoints take it as a parameter
/// (<see cref="BindAsync"/>) and check their data against it: <see cref="CanAccess"/> for one action,
/// <see cref="CanManageScope"/> for a tenant and namespace, <see cref="Visible{T}"/> for lists.
/// </summary>
public sealed class Caller
{
    public const string Jwt = "jwt";
    public const string ApiKey = "api_key";
    public const string Anonymous = "anonymous";

    public Caller(string id, AuthRole role, IReadOnlyList<AuthGrant> grants, string method, string? tokenId = null, DateTimeOffset? tokenExpiresAt = null)
    {
        (Id, Role, Grants, Method, TokenId, TokenExpiresAt) = (id, role, grants, method, tokenId, tokenExpiresAt);
        HasGlobalScope = grants.Any(g => g.Tenants.Contains(AuthGrant.Any) && g.Namespaces.Contains(AuthGrant.Any));
        TenantScopes = grants.Any(g => g.Tenants.Contains(AuthGrant.Any)) ? null : [.. grants.SelectMany(g => g.Tenants).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>With auth disabled: everyone is this caller.</summary>
    public static Caller AnonymousAdmin { get; } = new("", AuthRole.Admin, [AuthGrant.Everything], Anonymous);

    /// <summary>The username or API key name ("" when anonymous).</summary>
    public string Id { get; }
    public AuthRole Role { get; }
    public IReadOnlyList<AuthGrant> Grants { get; }

    /// <summary><see cref="Jwt"/>, <see cref="ApiKey"/> or <see cref="Anonymous"/>.</summary>
    public string Method { get; }

    /// <summary>The <c>jti</c> of the JWT the caller sent (logout revokes it).</summary>
    public string? TokenId { get; }
    public DateTimeOffset? TokenExpiresAt { get; }

    /// <summary>Some grant covers every tenant and namespace: needed for gateway-wide permissions (<see cref="Permissions"/>).</summary>
    public bool HasGlobalScope { get; }

    /// <summary>The tenants (each with its subtree) the caller may see; null when a grant covers every tenant.</summary>
    public IReadOnlyList<string>? TenantScopes { get; }

    public bool CanAccess(string tenant, string ns, string provider, string actionType) => Grants.Any(g => g.Covers(tenant, ns, provider, actionType));

    public bool CanManageScope(string tenant, string ns) => Grants.Any(g => g.Covers(tenant, ns));

    public bool CoversTenant(string tenant) => Grants.Any(g => g.CoversTenant(tenant));

    /// <summary>The items whose tenant and namespace some grant covers (for list endpoints).</summary>
    public IEnumerable<T> Visible<T>(IEnumerable<T> items, Func<T, (string Tenant, string Namespace)> scope) =>
        HasGlobalScope ? items : items.Where(item => scope(item) is var (t, ns) && CanManageScope(t, ns));

    /// <summary>The grants as audit-store filters (null: the caller sees every record).</summary>
    public IReadOnlyList<AuditScope>? AuditScopes() => Grants.Any(IsWildcard)
        ? null
        : [.. Grants.Select(g => new AuditScope(Any(g.Tenants), Any(g.Namespaces), Any(g.Providers), Any(g.Actions)))];

    public static ApiError Forbidden(string tenant, string ns, string? provider = null, string? actionType = null) => new(
        StatusCodes.Status403Forbidden,
        provider is null
            ? $"forbidden: no grant covers tenant={tenant} namespace={ns}"
            : $"forbidden: no grant covers tenant={tenant} namespace={ns} provider={provider} action_type={actionType}");

    /// <summary>Minimal-API binding: an endpoint parameter of type <see cref="Caller"/> is the authenticated caller.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext http) => ValueTask.FromResult<Caller?>(From(http.User) ?? Nobody);

    public static Caller? From(ClaimsPrincipal? user) => (user?.Identity as CallerIdentity)?.Caller;

    /// <summary>On a public route without credentials: no role beyond viewer and no grants.</summary>
    private static Caller Nobody { get; } = new(Anonymous, AuthRole.Viewer, [], Anonymous);

    private static bool IsWildcard(AuthGrant g) => new[] { g.Tenants, g.Namespaces, g.Providers, g.Actions }.All(list => list.Contains(AuthGrant.Any));

    private static IReadOnlyList<string>? Any(IReadOnlyList<string> values) => values.Contains(AuthGrant.Any) ? null : values;
}

/// <summary>The identity the authentication handlers put on <see cref="HttpContext.User"/>, carrying the <see cref="Auth.Caller"/>.</summary>
public sealed class CallerIdentity(Caller caller) : ClaimsIdentity([new Claim(ClaimTypes.Name, caller.Id), new Claim(ClaimTypes.Role, caller.Role.ToString())], caller.Method)
{
    public Caller Caller { get; } = caller;
}
