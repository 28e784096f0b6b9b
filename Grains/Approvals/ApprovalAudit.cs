using System.Text.Json;
using Acteon.Grains.Abstractions.Approvals;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Audit;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Approvals;

/// <summary>
/// The audit record of a decision (<c>approval_approved|approval_rejected</c>, verdict <c>request_approval</c>): who
/// decided is its <c>caller_id</c> (the caller's id, or <c>approval</c> for a signed link), with the held action's id,
/// scope, provider and type. Written once, after the write that took the decision.
/// </summary>
public sealed class ApprovalAudit(IAuditSink sink, IOptions<AuditOptions> options)
{
    public const string Verdict = "request_approval";
    private readonly AuditOptions _options = options.Value;

    internal Task DecidedAsync(ApprovalRequest request, string status, string decidedBy, DateTimeOffset at)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        var action = request.Action;
        var details = JsonSerializer.SerializeToElement(new Dictionary<string, string?>
        {
            ["approval_id"] = request.Id,
            ["status"] = status,
            ["decided_by"] = decidedBy,
        }, ApprovalsJsonContext.Default.DictionaryStringString);
        var record = new AuditRecord
        {
            Id = Guid.CreateVersion7(at).ToString(),
            ActionId = action.Id,
            Namespace = action.Namespace,
            Tenant = action.Tenant,
            Provider = action.Provider,
            ActionType = action.ActionType,
            Verdict = Verdict,
            MatchedRule = request.Rule,
            Outcome = $"approval_{status}",
            OutcomeDetails = details,
            DispatchedAt = request.CreatedAt,
            CompletedAt = at,
            DurationMs = (long)(at - request.CreatedAt).TotalMilliseconds,
            ExpiresAt = at + _options.Ttl,
            CallerId = decidedBy,
        };
        return sink.EnqueueAsync(record, CancellationToken.None).AsTask();
    }
}
