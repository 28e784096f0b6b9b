using System.Text;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Silo.Storage;

namespace Acteon.Silo.Tests.Storage;

/// <summary>
/// The contract every storage backend keeps. A backend's test class inherits this and says how to build its stores;
/// each test gets fresh, empty stores.
/// </summary>
public abstract partial class StorageConformanceTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly StateKey Grain = new("conformance", "ns:tenant:key");
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IGrainStateStore CreateGrainStateStore();

    protected abstract IAuditStore CreateAuditStore();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] data) => Encoding.UTF8.GetString(data);

    /// <summary>A record dispatched <paramref name="minute"/> minutes after T0; each field in <paramref name="other"/> is set to "other".</summary>
    internal static AuditRecord Audit(string id, int minute, params string[] other)
    {
        string Value(string field, string normal) => other.Contains(field) ? "other" : normal;
        return new AuditRecord
        {
            Id = id,
            ActionId = "action-" + id,
            ChainId = Value("chain_id", "chain-1"),
            Namespace = Value("namespace", "ns"),
            Tenant = Value("tenant", "tenant-1"),
            Provider = Value("provider", "email"),
            ActionType = Value("action_type", "send"),
            Verdict = Value("verdict", "allow"),
            MatchedRule = Value("matched_rule", "rule-1"),
            Outcome = Value("outcome", "executed"),
            CallerId = Value("caller_id", "caller-1"),
            DispatchedAt = T0.AddMinutes(minute),
            CompletedAt = T0.AddMinutes(minute).AddSeconds(1),
        };
    }
}
