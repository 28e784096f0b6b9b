using System.Security.Cryptography;
using System.Text;

namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>Keys of the recurring action grains and the ids of the actions their occurrences dispatch.</summary>
public static class RecurringKey
{
    /// <summary>The grain key: namespace and tenant with ':' and '\' escaped, so scopes never collide.</summary>
    public static string Of(string ns, string tenant, string id) => $"{Escape(ns)}:{Escape(tenant)}:{id}";

    /// <summary>
    /// The action id of one occurrence: a name-based UUID (version 8, from SHA-256) of the recurring id and the
    /// occurrence's UTC time. Every node derives the same id for the same occurrence, and the dispatch claims it, so
    /// a tick delivered twice or a retry after a node died cannot run the occurrence twice.
    /// </summary>
    public static string OccurrenceId(string recurringId, DateTimeOffset occurrence)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"acteon.recurring:{recurringId}:{occurrence.UtcTicks}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }

    private static string Escape(string part) => part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);
}
