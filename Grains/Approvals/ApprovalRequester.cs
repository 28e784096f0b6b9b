using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Approvals;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Rules.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.Approvals;

/// <summary>Carries out a <c>request_approval</c> verdict: a new approval grain holds the action, the outcome carries the signed links.</summary>
public sealed class ApprovalRequester(IGrainFactory grains, ApprovalSigner signer, IStreamEventPublisher stream, [FromKeyedServices(GatewayClock.Key)] TimeProvider time)
{
    public async Task<PendingApprovalOutcome> RequestAsync(GatewayAction action, RequestApprovalAction decision, string rule)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString();
        // Whole seconds: the links carry expires_at as unix seconds, and what is stored must be what was signed.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + decision.Timeout).ToUnixTimeSeconds());
        var (approve, reject) = signer.Links(action.Namespace, action.Tenant, id, expiresAt.ToUnixTimeSeconds());
        await grains.Reference<IApprovalGrain>(GrainKey(action.Namespace, action.Tenant, id)).RequestAsync(new ApprovalRequest
        {
            Id = id,
            Action = action,
            Rule = rule,
            Message = decision.Message,
            NotifyProvider = decision.NotifyProvider,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            ApproveUrl = approve,
            RejectUrl = reject,
        });
        // After the approval grain stored the request; the event carries only ids (never the signed links).
        stream.Publish(StreamEvent.ApprovalRequired(action.Namespace, action.Tenant, id, action.ActionType, action.Id));
        return new PendingApprovalOutcome(id, expiresAt, approve, reject);
    }

    public static string GrainKey(string ns, string tenant, string id) => VerdictHandler.ScopedKey(ns, tenant, id);
}
