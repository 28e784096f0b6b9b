using Acteon.Silo.Configuration;
using StackExchange.Redis;

namespace Acteon.Silo.Cluster;

/// <summary>
/// Reaches the cluster membership store before a host starts, so that an unreachable one is one line and an exit code
/// instead of a silo's failed start. PostgreSQL membership lives in <c>[state] url</c>, which the state store's own
/// check reaches first; local membership has no store.
/// </summary>
public static class ClusterStoreCheck
{
    private const int ConnectTimeoutMs = 5000;

    public static async Task EnsureReachableAsync(ClusterConfig cluster)
    {
        if (cluster.Membership != ClusterConfig.RedisMembership)
        {
            return;
        }

        var options = ConfigurationOptions.Parse(cluster.RedisUrl!);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, ConnectTimeoutMs);
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
            await connection.GetDatabase().PingAsync();
        }
        catch (RedisException error)
        {
            throw Unreachable(cluster, error);
        }
    }

    /// <summary>
    /// The one line for <paramref name="error"/> when it is (or wraps) a failure to reach the cluster store: the check's
    /// own, or Orleans' when the store went away between the check and the silo's start.
    /// </summary>
    public static string? Explain(Exception? error, ClusterConfig cluster)
    {
        for (; error is not null; error = error.InnerException)
        {
            switch (error)
            {
                case ClusterStoreUnavailableException unavailable:
                    return unavailable.Message;
                case RedisConnectionException redis:
                    return Unreachable(cluster, redis).Message;
            }
        }

        return null;
    }

    private static ClusterStoreUnavailableException Unreachable(ClusterConfig cluster, RedisException error)
    {
        var endpoints = string.Join(", ", ConfigurationOptions.Parse(cluster.RedisUrl!).EndPoints.Select(Format));
        var reason = error is RedisConnectionException connection ? $"{connection.FailureType}: {FirstSentence(error.Message)}" : FirstSentence(error.Message);
        return new ClusterStoreUnavailableException(
            $"cluster membership store unavailable: cannot reach Redis at {endpoints} ([cluster] redis_url): {reason}", error);
    }

    private static string Format(System.Net.EndPoint endpoint) => endpoint switch
    {
        System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        System.Net.IPEndPoint ip => ip.ToString(),
        _ => endpoint.ToString() ?? "",
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
