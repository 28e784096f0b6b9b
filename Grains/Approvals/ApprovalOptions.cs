namespace Acteon.Grains.Approvals;

/// <summary><c>[server] external_url</c> and <c>approval_keys</c>, <c>[approvals]</c>.</summary>
public sealed class ApprovalOptions
{
    /// <summary>The base of the approve and reject links (no trailing slash).</summary>
    public string ExternalUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The first key signs; every key verifies. Empty: approval rules are a start-up error.</summary>
    public IReadOnlyList<ApprovalKey> Keys { get; set; } = [];

    /// <summary>How long a decided or expired approval is kept (<c>[approvals] retention_days</c>).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest a pending approval's reminder sleeps: the precision of expiry and the pace of notification retries.</summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a decided approval's reminder sleeps before it checks its retention.</summary>
    public TimeSpan RetentionWakeInterval { get; set; } = TimeSpan.FromHours(1);
}
