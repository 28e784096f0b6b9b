using System.Text.RegularExpressions;
using Acteon.Silo.Configuration.Toml;

namespace Acteon.Silo.Configuration.Auth;

/// <summary>
/// Reads <c>[auth]</c> (settings, and optionally <c>[[auth.users]]</c> / <c>[[auth.api_keys]]</c>) and <c>auth.toml</c>
/// beside acteon.toml (top-level <c>[[users]]</c> / <c>[[api_keys]]</c>); every mistake names file and line.
/// </summary>
internal static partial class AuthSection
{
    private static readonly string[] GrantKeys = ["tenants", "namespaces", "providers", "actions"];

    public static AuthConfig Read(TomlSection s, string file)
    {
        s.AllowOnly("enabled", "jwt_secret", "token_lifetime_seconds", "watch", "login_max_failures", "login_window_seconds", "users", "api_keys");
        var d = new AuthConfig();
        var secret = s.String("jwt_secret");
        if (secret is not null && System.Text.Encoding.UTF8.GetByteCount(secret) < 32)
        {
            throw s.Error("jwt_secret", "must be at least 32 bytes (HS256 key)");
        }

        return new AuthConfig
        {
            Enabled = s.Bool("enabled") ?? false,
            JwtSecret = secret,
            TokenLifetime = s.Seconds("token_lifetime_seconds", 60, 30L * 86_400) ?? d.TokenLifetime,
            Watch = s.Bool("watch") ?? d.Watch,
            LoginMaxFailures = (int)(s.Integer("login_max_failures", 1, 1_000_000) ?? d.LoginMaxFailures),
            LoginWindow = s.Seconds("login_window_seconds", 1, 86_400) ?? d.LoginWindow,
            Credentials = ReadCredentials(s.Table, file),
            Location = s.Location("enabled"),
        };
    }

    /// <summary>Users and keys of the <c>[auth]</c> table of <paramref name="file"/> and of auth.toml beside it.</summary>
    public static AuthCredentials ReadCredentials(TomlTable auth, string file)
    {
        var users = new List<(AuthUser User, string Where)>();
        var keys = new List<(AuthApiKey Key, string Where)>();
        var files = new List<string> { file };
        Entries(auth, file, "auth.", users, keys);
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", AuthConfig.CredentialsFileName);
        if (File.Exists(beside))
        {
            TomlTable root;
            try
            {
                root = TomlParser.Parse(TomlParser.Decode(File.ReadAllBytes(beside), beside), beside);
            }
            catch (TomlException error)
            {
                throw new ConfigurationException(error.Message);
            }

            foreach (var key in root.Keys.Where(k => k is not ("users" or "api_keys")))
            {
                throw new ConfigurationException($"{beside}:{root.GetLine(key)}: unknown key '{key}'; {AuthConfig.CredentialsFileName} holds [[users]] and [[api_keys]]");
            }

            Entries(root, beside, "", users, keys);
            files.Add(beside);
        }

        Unique(users.Select(u => (u.User.Username, u.Where)), "username");
        Unique(keys.Select(k => (k.Key.Name, k.Where)), "API key name");
        Unique(keys.Select(k => (k.Key.KeyHash, k.Where)), "API key hash");
        return new AuthCredentials { Users = [.. users.Select(u => u.User)], ApiKeys = [.. keys.Select(k => k.Key)], Files = files };
    }

    private static void Entries(TomlTable table, string file, string prefix, List<(AuthUser, string)> users, List<(AuthApiKey, string)> keys)
    {
        foreach (var (s, where) in Tables(table, file, prefix + "users"))
        {
            s.AllowOnly("username", "password_hash", "role", "grants");
            var name = Required(s, "username");
            var hash = Required(s, "password_hash");
            if (PasswordHash.Problem(hash) is { } problem)
            {
                throw s.Error("password_hash", problem);
            }

            users.Add((new AuthUser(name, hash, Role(s), Grants(s, file)), where));
        }

        foreach (var (s, where) in Tables(table, file, prefix + "api_keys"))
        {
            s.AllowOnly("name", "key_hash", "role", "grants");
            var name = Required(s, "name");
            var hash = Required(s, "key_hash");
            if (!HexSha256().IsMatch(hash))
            {
                throw s.Error("key_hash", "must be the SHA-256 of the key as 64 lower-case hex digits (make one with `Gateway.Api hash-password --key`)");
            }

            keys.Add((new AuthApiKey(name, hash, Role(s), Grants(s, file)), where));
        }
    }

    private static IEnumerable<(TomlSection Section, string Where)> Tables(TomlTable table, string file, string name)
    {
        var key = name[(name.LastIndexOf('.') + 1)..];
        if (!table.TryGetValue(key, out var value))
        {
            yield break;
        }

        if (value is not TomlArray array)
        {
            throw new ConfigurationException($"{file}:{table.GetLine(key)}: '{name}' must be an array of tables ([[{name}]])");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var entry = array[i] as TomlTable ?? throw new ConfigurationException($"{file}:{array.Line}: {name}[{i}] must be a table");
            var s = new TomlSection(entry, file, $"{name}[{i}]");
            yield return (s, s.Location(""));
        }
    }

    private static string Required(TomlSection s, string key) =>
        s.String(key) is { Length: > 0 } value ? value : throw s.Error(key, "is required");

    private static AuthRole Role(TomlSection s) => s.OneOf("role", "", "admin", "operator", "viewer") switch
    {
        "admin" => AuthRole.Admin,
        "operator" => AuthRole.Operator,
        _ => AuthRole.Viewer,
    };

    private static List<AuthGrant> Grants(TomlSection s, string file)
    {
        var grants = new List<AuthGrant>();
        if (!s.Table.TryGetValue("grants", out var value))
        {
            return grants;
        }

        if (value is not TomlArray array)
        {
            throw s.Error("grants", "must be an array of tables ([[...grants]])");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var g = new TomlSection(array[i] as TomlTable ?? throw s.Error("grants", $"grants[{i}] must be a table"), file, $"grants[{i}]");
            g.AllowOnly(GrantKeys);
            grants.Add(new AuthGrant(Strings(g, "tenants", null), Strings(g, "namespaces", null), Strings(g, "providers", AuthGrant.Any), Strings(g, "actions", AuthGrant.Any)));
        }

        return grants;
    }

    private static string[] Strings(TomlSection s, string key, string? fallback)
    {
        if (!s.Table.TryGetValue(key, out var value))
        {
            return fallback is not null ? [fallback] : throw s.Error(key, "is required (a list of names, or [\"*\"])");
        }

        if (value is not TomlArray array || array.Count == 0 || array.Any(v => v is not string { Length: > 0 }))
        {
            throw s.Error(key, "must be a non-empty list of non-empty strings");
        }

        return [.. array.Cast<string>()];
    }

    private static void Unique(IEnumerable<(string Value, string Where)> entries, string what)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, where) in entries)
        {
            if (!seen.TryAdd(value, where))
            {
                throw new ConfigurationException($"{where}: duplicate {what} '{(what.EndsWith("hash", StringComparison.Ordinal) ? value[..8] + "…" : value)}' (first at {seen[value]})");
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexSha256();
}
