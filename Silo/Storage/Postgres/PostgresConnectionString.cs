using Acteon.Silo.Configuration;
using Npgsql;

namespace Acteon.Silo.Storage.Postgres;

/// <summary>
/// <c>[state] url</c>: an Npgsql connection string (<c>Host=...;Database=...</c>) or a URL
/// (<c>postgres://user:password@host:port/database?key=value</c>; query keys are Npgsql keywords).
/// Time-outs the string does not set are kept short, so a request fails fast while the store is unreachable.
/// </summary>
internal static class PostgresConnectionString
{
    public const int DefaultConnectTimeoutSeconds = 3;
    public const int DefaultCommandTimeoutSeconds = 10;

    public static string Build(string url)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = url.StartsWith("postgres://", StringComparison.Ordinal) || url.StartsWith("postgresql://", StringComparison.Ordinal)
                ? FromUrl(url)
                : new NpgsqlConnectionStringBuilder(url);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or UriFormatException)
        {
            throw new ConfigurationException($"[state] url: not a PostgreSQL connection string or postgres:// URL ({error.Message})");
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ConfigurationException("[state] url: no host");
        }

        if (!url.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
            builder.CommandTimeout = DefaultCommandTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = uri.AbsolutePath.TrimStart('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            builder[key] = eq < 0 ? "true" : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }

        return builder;
    }
}
