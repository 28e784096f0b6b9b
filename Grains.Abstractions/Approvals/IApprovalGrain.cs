namespace Acteon.Grains.Abstractions.Approvals;

/// <summary>
/// One approval (key <c>{namespace}:{tenant}:{id}</c>, escaped as the gateway's scoped keys are): holds the action
/// durably until a person approves or rejects it, or it expires by reminder.
/// </summary>
[Alias("acteon.approval")]
public interface IApprovalGrain : IGrainWithStringKey
{
    /// <summary>Stores the pending approval and sends its notification; a repeated call with the same id changes nothing.</summary>
    [Alias("RequestAsync"), ResponseTimeout("01:00:00")]
    Task RequestAsync(ApprovalRequest request);

    /// <summary>
    /// Approves (re-evaluates the rules, then runs the action exactly once, audited with <paramref name="decidedBy"/> as
    /// its caller) or rejects; <paramref name="decidedBy"/> is kept and listed (<c>approval</c> for a signed link).
    /// </summary>
    [Alias("DecideAsync"), ResponseTimeout("01:00:00")]
    Task<ApprovalDecision> DecideAsync(bool approve, string decidedBy);

    /// <summary>The approval as listed, or null when there is none (unknown, or gone after its retention).</summary>
    [Alias("GetAsync")]
    Task<ApprovalSummary?> GetAsync();
}
