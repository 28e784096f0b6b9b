using Acteon.Gateway.Api.Auth;
using Acteon.Silo.Configuration.Auth;

namespace Acteon.Gateway.Api.Tests.Auth;

/// <summary>The grant checks endpoints call: tenant hierarchy, scopes, list filtering, and the role table.</summary>
public sealed class CallerTests
{
    private static readonly Caller Acme = new("acme-ops", AuthRole.Operator,
        [new AuthGrant(["acme"], ["notifications"], ["email"], ["send"]), new AuthGrant(["globex.eu"], ["*"], ["*"], ["*"])], Caller.ApiKey);

    [Theory]
    [InlineData("acme", "notifications", "email", "send", true)]
    [InlineData("acme.eu", "notifications", "email", "send", true)]
    [InlineData("acme.eu.paris", "notifications", "email", "send", true)]
    [InlineData("acme-corp", "notifications", "email", "send", false)]
    [InlineData("acm", "notifications", "email", "send", false)]
    [InlineData("acme", "billing", "email", "send", false)]
    [InlineData("acme", "notifications", "sms", "send", false)]
    [InlineData("acme", "notifications", "email", "delete", false)]
    [InlineData("globex", "any", "any", "any", false)]
    [InlineData("globex.eu.x", "any", "any", "any", true)]
    public void CanAccess_TenantHierarchyAndExactLists(string tenant, string ns, string provider, string actionType, bool expected) =>
        Assert.Equal(expected, Acme.CanAccess(tenant, ns, provider, actionType));

    [Fact]
    public void ScopesAndVisible_FollowTheGrants()
    {
        (string Tenant, string Ns)[] items = [("acme.eu", "notifications"), ("acme.eu", "billing"), ("globex.eu", "x"), ("globex", "x")];

        Assert.True(Acme.CanManageScope("acme.eu", "notifications"));
        Assert.False(Acme.CanManageScope("acme.eu", "billing"));
        Assert.Equal([("acme.eu", "notifications"), ("globex.eu", "x")], Acme.Visible(items, i => i));
        Assert.Equal(["acme", "globex.eu"], Acme.TenantScopes);
        Assert.False(Acme.HasGlobalScope);
        Assert.Null(Caller.AnonymousAdmin.TenantScopes);
        Assert.Null(Caller.AnonymousAdmin.AuditScopes());
        Assert.Equal(items, Caller.AnonymousAdmin.Visible(items, i => i));
    }

    [Fact]
    public void Permissions_RolesAreDistinct()
    {
        Caller As(AuthRole role) => new("x", role, [AuthGrant.Everything], Caller.Jwt);

        Assert.Null(Permissions.Denial(As(AuthRole.Viewer), Permission.AuditRead));
        Assert.NotNull(Permissions.Denial(As(AuthRole.Viewer), Permission.Dispatch));
        Assert.Null(Permissions.Denial(As(AuthRole.Operator), Permission.Dispatch));
        Assert.NotNull(Permissions.Denial(As(AuthRole.Operator), Permission.OrleansDashboard));
        Assert.NotNull(Permissions.Denial(As(AuthRole.Operator), Permission.AuthManage));
        Assert.Null(Permissions.Denial(As(AuthRole.Admin), Permission.AuthManage));
        Assert.NotNull(Permissions.Denial(Acme, Permission.ClusterRead));
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(Permissions.MinRole(p) >= AuthRole.Viewer));
    }
}
