using System.Globalization;
using Acteon.Grains.Approvals;
using Acteon.Silo.Configuration.Toml;

namespace Acteon.Silo.Configuration;

/// <summary>
/// <c>[server] external_url</c>, <c>approval_keys = [{id, secret}]</c> (hex secrets; the first signs, all verify),
/// <c>approval_secret</c> (one more key, id <c>k0</c>) and <c>[approvals] retention_days</c>.
/// </summary>
internal static class ApprovalsSection
{
    public static ApprovalOptions Read(TomlSection server, TomlSection approvals, ServerConfig serverConfig)
    {
        approvals.AllowOnly("retention_days");
        var keys = new List<ApprovalKey>();
        if (server.Table.TryGetValue("approval_keys", out var raw))
        {
            if (raw is not TomlArray array || !array.All(e => e is TomlTable))
            {
                throw server.Error("approval_keys", "must be an array of tables: [{id = \"k1\", secret = \"<hex>\"}, ...]");
            }

            for (var i = 0; i < array.Count; i++)
            {
                var entry = new TomlSection((TomlTable)array[i], server.File, string.Create(CultureInfo.InvariantCulture, $"server.approval_keys[{i}]"));
                entry.AllowOnly("id", "secret");
                var id = entry.String("id") is { Length: > 0 } k ? k : throw server.Error("approval_keys", $"entry {i} needs an id (the kid of its links)");
                keys.Add(new ApprovalKey(id, Secret(entry.String("secret"), () => server.Error("approval_keys", $"key '{id}' needs a secret of at least 32 hex digits (16 bytes)"))));
            }
        }

        if (server.String("approval_secret") is { } secret)
        {
            keys.Add(new ApprovalKey("k0", Secret(secret, () => server.Error("approval_secret", "must be at least 32 hex digits (16 bytes)"))));
        }

        if (keys.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            throw server.Error("approval_keys", "two keys have the same id");
        }

        if (serverConfig.ExternalUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.Scheme.StartsWith("http", StringComparison.Ordinal)))
        {
            throw server.Error("external_url", $"must be an http:// or https:// URL (the base of approval links), not \"{url}\"");
        }

        var options = new ApprovalOptions
        {
            ExternalUrl = (serverConfig.ExternalUrl ?? $"http://{serverConfig.Host}:{serverConfig.Port}").TrimEnd('/'),
            Keys = keys,
        };
        options.Retention = approvals.Integer("retention_days", 1, 3650) is { } days ? TimeSpan.FromDays(days) : options.Retention;
        return options;
    }

    private static byte[] Secret(string? hex, Func<ConfigurationException> error)
    {
        if (hex is null || hex.Length < 32 || hex.Length % 2 != 0)
        {
            throw error();
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw error();
        }
    }
}
