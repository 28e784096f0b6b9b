namespace Acteon.Silo.Configuration.Auth;

/// <summary><c>[auth]</c> of acteon.toml, with the users and API keys of <c>auth.toml</c> beside it.</summary>
public sealed record AuthConfig
{
    public const string CredentialsFileName = "auth.toml";

    public bool Enabled { get; init; }

    /// <summary>HS256 key (UTF-8 bytes); from <c>jwt_secret</c> or the host setting <c>Acteon:JwtSecret</c> (env <c>Acteon__JwtSecret</c>).</summary>
    public string? JwtSecret { get; init; }

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whether acteon.toml and auth.toml are watched, and users and keys reloaded when they change.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>Failed logins admitted per user and per client address within <see cref="LoginWindow"/>.</summary>
    public int LoginMaxFailures { get; init; } = 5;

    public TimeSpan LoginWindow { get; init; } = TimeSpan.FromMinutes(5);

    public AuthCredentials Credentials { get; init; } = new();

    /// <summary><c>file:line</c> of <c>enabled</c>, for start-up errors about the section as a whole.</summary>
    public string Location { get; init; } = "";
}

/// <summary>The part of <c>[auth]</c> that is reloaded while the gateway runs.</summary>
public sealed record AuthCredentials
{
    public IReadOnlyList<AuthUser> Users { get; init; } = [];
    public IReadOnlyList<AuthApiKey> ApiKeys { get; init; } = [];

    /// <summary>The files these came from (acteon.toml, and auth.toml when it exists).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

public enum AuthRole
{
    Viewer,
    Operator,
    Admin,
}

/// <summary>A user who logs in; <c>PasswordHash</c> is a PHC string, <c>$pbkdf2-sha256$i=N$salt$hash</c> (see <see cref="Auth.PasswordHash"/>).</summary>
public sealed record AuthUser(string Username, string PasswordHash, AuthRole Role, IReadOnlyList<AuthGrant> Grants);

/// <summary>An API key; <c>KeyHash</c> is the lower-case hex SHA-256 of the raw key, <c>Name</c> the caller id.</summary>
public sealed record AuthApiKey(string Name, string KeyHash, AuthRole Role, IReadOnlyList<AuthGrant> Grants);

/// <summary>
/// A scope: tenants (<c>"*"</c>, exact, or a parent: <c>acme</c> covers <c>acme.eu</c> and <c>acme.eu.x</c>), and
/// namespaces, providers and action types (<c>"*"</c> or exact).
/// </summary>
public sealed record AuthGrant(IReadOnlyList<string> Tenants, IReadOnlyList<string> Namespaces, IReadOnlyList<string> Providers, IReadOnlyList<string> Actions)
{
    public const string Any = "*";

    public static readonly AuthGrant Everything = new([Any], [Any], [Any], [Any]);

    public bool CoversTenant(string tenant) => Tenants.Any(t => TenantCovers(t, tenant));

    public bool Covers(string tenant, string ns) => CoversTenant(tenant) && Matches(Namespaces, ns);

    public bool Covers(string tenant, string ns, string provider, string actionType) =>
        Covers(tenant, ns) && Matches(Providers, provider) && Matches(Actions, actionType);

    /// <summary><paramref name="grant"/> covers <paramref name="tenant"/> itself and its descendants, never its parent or a sibling named alike.</summary>
    public static bool TenantCovers(string grant, string tenant) =>
        grant == Any || tenant == grant || (tenant.Length > grant.Length && tenant.StartsWith(grant, StringComparison.Ordinal) && tenant[grant.Length] == '.');

    private static bool Matches(IReadOnlyList<string> allowed, string value) => allowed.Any(a => a == Any || a == value);
}
