using Acteon.Silo.Configuration;
using Acteon.Silo.Configuration.Auth;
using Xunit;

namespace Acteon.Silo.Tests.Configuration;

/// <summary><c>[auth]</c>, auth.toml beside acteon.toml, and <c>[rate_limit]</c>: what they read and the file and line of each mistake.</summary>
public sealed class AuthConfigTests : IDisposable
{
    private static readonly string Hash = PasswordHash.Hash("secret", 10_000);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "acteon-auth-config", Guid.NewGuid().ToString("N"));

    public AuthConfigTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Auth_UsersKeysGrantsAndAuthToml_AreRead()
    {
        File.WriteAllText(Path.Combine(_dir, "auth.toml"), $"""
            [[users]]
            username = "bob"
            password_hash = "{Hash}"
            role = "viewer"
            [[users.grants]]
            tenants = ["acme"]
            namespaces = ["*"]
            """);
        var config = Load($"""
            [auth]
            enabled = true
            jwt_secret = "0123456789abcdef0123456789abcdef"
            token_lifetime_seconds = 600
            login_max_failures = 3
            login_window_seconds = 60
            [[auth.users]]
            username = "alice"
            password_hash = "{Hash}"
            role = "admin"
            [[auth.users.grants]]
            tenants = ["*"]
            namespaces = ["*"]
            [[auth.api_keys]]
            name = "ci"
            key_hash = "{PasswordHash.KeyHash("raw-key")}"
            role = "operator"
            [[auth.api_keys.grants]]
            tenants = ["acme"]
            namespaces = ["notifications"]
            providers = ["email"]
            actions = ["send"]
            [rate_limit]
            per_caller = 10
            per_tenant = 5
            window_seconds = 30
            [rate_limit.callers]
            ci = 100
            """);

        var auth = config.Auth;
        Assert.True(auth.Enabled);
        Assert.Equal((TimeSpan.FromMinutes(10), 3, TimeSpan.FromMinutes(1)), (auth.TokenLifetime, auth.LoginMaxFailures, auth.LoginWindow));
        Assert.Equal(["alice", "bob"], auth.Credentials.Users.Select(u => u.Username));
        Assert.Equal([AuthRole.Admin, AuthRole.Viewer], auth.Credentials.Users.Select(u => u.Role));
        Assert.True(PasswordHash.Verify("secret", auth.Credentials.Users[1].PasswordHash));
        var key = Assert.Single(auth.Credentials.ApiKeys);
        Assert.Equal(("ci", AuthRole.Operator), (key.Name, key.Role));
        Assert.True(key.Grants[0].Covers("acme.eu", "notifications", "email", "send"));
        Assert.False(key.Grants[0].Covers("acme.eu", "notifications", "sms", "send"));
        Assert.Equal(["*"], auth.Credentials.Users[0].Grants[0].Providers);
        Assert.True(config.RateLimit.Enabled);
        Assert.Equal((10, 5, TimeSpan.FromSeconds(30), 100, 10), (config.RateLimit.PerCaller, config.RateLimit.PerTenant, config.RateLimit.Window, config.RateLimit.CallerLimit("ci"), config.RateLimit.CallerLimit("x")));
    }

    [Theory]
    [InlineData("[auth]\nenabled = true\ncolour = \"red\"", "acteon.toml:3: [auth] colour: unknown key")]
    [InlineData("[auth]\njwt_secret = \"short\"", "acteon.toml:2: [auth] jwt_secret: must be at least 32 bytes")]
    [InlineData("[[auth.users]]\nusername = \"a\"\npassword_hash = \"plain\"\nrole = \"admin\"", "acteon.toml:3: [auth.users[0]] password_hash: must be a PHC string")]
    [InlineData("[[auth.users]]\nusername = \"a\"\npassword_hash = \"HASH\"\nrole = \"root\"", "acteon.toml:4: [auth.users[0]] role: must be one of \"admin\", \"operator\", \"viewer\", not \"root\"")]
    [InlineData("[[auth.api_keys]]\nname = \"k\"\nkey_hash = \"abc\"\nrole = \"viewer\"", "acteon.toml:3: [auth.api_keys[0]] key_hash: must be the SHA-256")]
    [InlineData("[[auth.users]]\nusername = \"a\"\npassword_hash = \"HASH\"\nrole = \"admin\"\n[[auth.users.grants]]\ntenants = [\"*\"]", "acteon.toml:5: [grants[0]] namespaces: is required")]
    [InlineData("[[auth.users]]\nusername = \"a\"\npassword_hash = \"HASH\"\nrole = \"admin\"\n[[auth.users]]\nusername = \"a\"\npassword_hash = \"HASH\"\nrole = \"admin\"", "acteon.toml:5: duplicate username 'a'")]
    [InlineData("[rate_limit]\nper_caller = -1", "acteon.toml:2: [rate_limit] per_caller: must be between 0 and 100000000, not -1")]
    [InlineData("[rate_limit.tenants]\nacme = \"many\"", "acteon.toml:2: [rate_limit.tenants] acme: expected an integer")]
    public void Auth_Mistake_NamesFileLineAndKey(string toml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(toml.Replace("HASH", Hash, StringComparison.Ordinal)));

        Assert.StartsWith(Path.Combine(_dir, expected), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthToml_UnknownKey_NamesItsFileAndLine()
    {
        File.WriteAllText(Path.Combine(_dir, "auth.toml"), "\n[settings]\njwt_secret = \"x\"\n");

        var error = Assert.Throws<ConfigurationException>(() => Load("[auth]\nenabled = false"));

        Assert.StartsWith(Path.Combine(_dir, "auth.toml:2: unknown key 'settings'"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordHash_RoundTrip_AndWrongPasswordFails()
    {
        var hash = PasswordHash.Hash("pässword", 10_000);

        Assert.StartsWith("$pbkdf2-sha256$i=10000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify("pässword", hash));
        Assert.False(PasswordHash.Verify("password", hash));
        Assert.Null(PasswordHash.Problem(hash));
        Assert.Equal("8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92", PasswordHash.KeyHash("123456"));
    }

    private ActeonConfig Load(string toml)
    {
        var path = Path.Combine(_dir, "acteon.toml");
        File.WriteAllText(path, toml);
        return ConfigLoader.LoadFile(path);
    }
}
